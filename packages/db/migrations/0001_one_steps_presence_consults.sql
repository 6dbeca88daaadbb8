CREATE TABLE `consult_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`team` text NOT NULL,
	`status` text NOT NULL,
	`opened_by_id` integer,
	`opened_at` text NOT NULL,
	`busy_prompt_at` text NOT NULL,
	`assign_prompt_at` text,
	`accepted_by_id` integer,
	`accepted_at` text,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consult_team_status_idx` ON `consult_requests` (`team`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `consult_incident_idx` ON `consult_requests` (`incident_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer,
	`audience` text NOT NULL,
	`target_id` integer,
	`template` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_target_idx` ON `notifications` (`audience`,`target_id`,`id`);--> statement-breakpoint
CREATE TABLE `oncall_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `oncall_schedule_idx` ON `oncall_contacts` (`schedule`,`position`);--> statement-breakpoint
ALTER TABLE `users` ADD `presence_changed_at` text;