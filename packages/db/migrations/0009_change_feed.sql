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
CREATE INDEX `change_events_entity_idx` ON `change_events` (`entity`,`entity_id`,`id`);