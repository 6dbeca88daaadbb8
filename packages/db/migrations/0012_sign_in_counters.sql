CREATE TABLE `sign_in_counters` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`failures` integer NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer,
	PRIMARY KEY(`kind`, `key`)
);
--> statement-breakpoint
CREATE INDEX `sign_in_counters_locked_idx` ON `sign_in_counters` (`locked_until`);