CREATE TABLE `report_moved_incidents` (
	`incident_id` integer PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`service_id` integer NOT NULL,
	`owner_team_id` integer NOT NULL,
	`path` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_moved_incidents_created_idx` ON `report_moved_incidents` (`created_at`);