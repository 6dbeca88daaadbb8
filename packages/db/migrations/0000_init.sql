CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`net_id` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`department_id` integer,
	`coned` integer DEFAULT false NOT NULL,
	`program` text,
	`primary_tech_partner` integer DEFAULT false NOT NULL,
	`organisation` text,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_net_id_unique` ON `customers` (`net_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_email_unique` ON `customers` (`email`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`contract_partner` integer DEFAULT false NOT NULL,
	`program` text,
	`primary_tech_partner` integer DEFAULT false NOT NULL,
	`email_domains` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `departments_short_name_unique` ON `departments` (`short_name`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`user_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `team_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_members_team_idx` ON `team_members` (`team_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`customer_id` integer,
	`presence` text DEFAULT 'not_ready' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`subcategory` text NOT NULL,
	`banner` text,
	`general_hd_handles` integer DEFAULT false NOT NULL,
	`support_category` integer DEFAULT 3 NOT NULL,
	`technologist_group` text,
	`customer_facing` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_path_uq` ON `services` (`name`,`category`,`subcategory`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`actor_id` integer,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_incident_idx` ON `audit_events` (`incident_id`,`id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`caller_name` text NOT NULL,
	`caller_phone` text,
	`caller_email` text,
	`customer_id` integer,
	`channel` text NOT NULL,
	`service_id` integer NOT NULL,
	`description` text NOT NULL,
	`classification` text,
	`status` text NOT NULL,
	`owner_team_id` integer NOT NULL,
	`owner_agent_id` integer,
	`urgency` text,
	`expectation` text,
	`preferred_contact` text,
	`computer_name` text,
	`problem_id` integer,
	`promises` text DEFAULT '{}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_agent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_number_unique` ON `incidents` (`number`);--> statement-breakpoint
CREATE INDEX `incidents_team_queue_idx` ON `incidents` (`owner_team_id`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_team_status_idx` ON `incidents` (`owner_team_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_agent_idx` ON `incidents` (`owner_agent_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_customer_idx` ON `incidents` (`customer_id`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_service_idx` ON `incidents` (`service_id`,`id`);--> statement-breakpoint
CREATE TABLE `journal_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`kind` text NOT NULL,
	`visibility` text NOT NULL,
	`body` text NOT NULL,
	`author_id` integer,
	`data` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journal_incident_idx` ON `journal_entries` (`incident_id`,`id`);