CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `incident_viewers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`connection_id` text NOT NULL,
	`editing` integer DEFAULT false NOT NULL,
	`opened_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_viewers_connection_id_unique` ON `incident_viewers` (`connection_id`);--> statement-breakpoint
CREATE INDEX `incident_viewers_incident_idx` ON `incident_viewers` (`incident_id`);--> statement-breakpoint
CREATE INDEX `incident_viewers_expires_idx` ON `incident_viewers` (`expires_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`actor_id` integer NOT NULL,
	`operation` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`incident_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`actor_id`, `operation`, `key`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` text;