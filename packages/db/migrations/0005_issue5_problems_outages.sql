CREATE TABLE `outage_services` (
	`outage_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	PRIMARY KEY(`outage_id`, `service_id`),
	FOREIGN KEY (`outage_id`) REFERENCES `outages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outage_services_service_idx` ON `outage_services` (`service_id`);--> statement-breakpoint
CREATE TABLE `outage_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outage_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`author_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`outage_id`) REFERENCES `outages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outage_updates_outage_idx` ON `outage_updates` (`outage_id`,`id`);--> statement-breakpoint
CREATE TABLE `outages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`public_summary` text NOT NULL,
	`start_at` text NOT NULL,
	`expected_end_at` text,
	`end_at` text,
	`owner_team_id` integer NOT NULL,
	`declared_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outages_number_unique` ON `outages` (`number`);--> statement-breakpoint
CREATE INDEX `outages_status_idx` ON `outages` (`status`,`start_at`);--> statement-breakpoint
CREATE TABLE `problem_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`problem_id` integer NOT NULL,
	`actor_id` integer,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problem_audit_problem_idx` ON `problem_audit` (`problem_id`,`id`);--> statement-breakpoint
CREATE TABLE `problem_journal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`problem_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`author_id` integer,
	`data` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problem_journal_problem_idx` ON `problem_journal` (`problem_id`,`id`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`service_id` integer NOT NULL,
	`category` text NOT NULL,
	`impact` text NOT NULL,
	`symptoms` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`owner_team_id` integer NOT NULL,
	`outage_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outage_id`) REFERENCES `outages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `problems_number_unique` ON `problems` (`number`);--> statement-breakpoint
CREATE INDEX `problems_status_service_idx` ON `problems` (`status`,`service_id`);--> statement-breakpoint
CREATE INDEX `problems_owner_idx` ON `problems` (`owner_team_id`,`status`);--> statement-breakpoint
CREATE INDEX `problems_outage_idx` ON `problems` (`outage_id`);--> statement-breakpoint
CREATE INDEX `incidents_problem_idx` ON `incidents` (`problem_id`,`status`);