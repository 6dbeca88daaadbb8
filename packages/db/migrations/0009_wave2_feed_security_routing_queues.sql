CREATE TABLE `routing_answers` (
	`incident_id` integer PRIMARY KEY NOT NULL,
	`answers` text NOT NULL,
	`recorded_by_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `admin_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_key` text NOT NULL,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `admin_audit_entity_idx` ON `admin_audit` (`entity`,`entity_key`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leadership_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `opening_hours` (
	`desk` text NOT NULL,
	`weekday` integer NOT NULL,
	`opens` text NOT NULL,
	`closes` text NOT NULL,
	PRIMARY KEY(`desk`, `weekday`)
);
--> statement-breakpoint
CREATE TABLE `change_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`kind` text NOT NULL,
	`team_ids` text NOT NULL,
	`user_ids` text NOT NULL,
	`actor_id` integer,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_events_at_idx` ON `change_events` (`at`);--> statement-breakpoint
CREATE INDEX `change_events_entity_idx` ON `change_events` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `queue_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`settings` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `queue_views_user_idx` ON `queue_views` (`user_id`,`name`);--> statement-breakpoint
ALTER TABLE `users` ADD `session_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `next_promise_at` text GENERATED ALWAYS AS (min(coalesce(json_extract(promises, '$.contactBy'), '~'), coalesce(json_extract(promises, '$.callIfNoContactBy'), '~'), coalesce(json_extract(promises, '$.respondBy'), '~'), coalesce(json_extract(promises, '$.techContactBy'), '~'))) VIRTUAL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `owner_sort_id` integer GENERATED ALWAYS AS (ifnull(owner_agent_id, 0)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `incidents_team_promise_idx` ON `incidents` (`owner_team_id`,`next_promise_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_team_service_idx` ON `incidents` (`owner_team_id`,`service_id`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_team_owner_idx` ON `incidents` (`owner_team_id`,`owner_sort_id`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_template_created_idx` ON `outbox` (`template`,`created_at`);