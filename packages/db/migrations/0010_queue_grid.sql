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
ALTER TABLE `incidents` ADD `next_promise_at` text GENERATED ALWAYS AS (min(coalesce(json_extract(promises, '$.contactBy'), '~'), coalesce(json_extract(promises, '$.callIfNoContactBy'), '~'), coalesce(json_extract(promises, '$.respondBy'), '~'), coalesce(json_extract(promises, '$.techContactBy'), '~'))) VIRTUAL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `owner_sort_id` integer GENERATED ALWAYS AS (ifnull(owner_agent_id, 0)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `incidents_team_promise_idx` ON `incidents` (`owner_team_id`,`next_promise_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_team_service_idx` ON `incidents` (`owner_team_id`,`service_id`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_team_owner_idx` ON `incidents` (`owner_team_id`,`owner_sort_id`,`id`);