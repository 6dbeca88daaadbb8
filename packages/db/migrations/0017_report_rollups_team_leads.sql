CREATE TABLE `report_clocks` (
	`day` text NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`week` text NOT NULL,
	`bucket` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `team_id`, `kind`, `outcome`, `week`, `bucket`)
);
--> statement-breakpoint
CREATE TABLE `report_contacts` (
	`day` text NOT NULL,
	`hour` integer NOT NULL,
	`team_id` integer NOT NULL,
	`owner_team_id` integer NOT NULL,
	`channel` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `hour`, `team_id`, `owner_team_id`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `report_incident_teams` (
	`incident_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`incident_id`, `team_id`)
);
--> statement-breakpoint
CREATE INDEX `report_incident_teams_created_idx` ON `report_incident_teams` (`created_at`);--> statement-breakpoint
CREATE INDEX `report_incident_teams_team_idx` ON `report_incident_teams` (`team_id`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_team_leads` (
	`team_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_team_leads`("team_id", "user_id") SELECT "team_id", "user_id" FROM `team_leads`;--> statement-breakpoint
DROP TABLE `team_leads`;--> statement-breakpoint
ALTER TABLE `__new_team_leads` RENAME TO `team_leads`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `team_leads_user_idx` ON `team_leads` (`user_id`);--> statement-breakpoint
CREATE INDEX `incidents_team_status_created_idx` ON `incidents` (`owner_team_id`,`status`,`created_at`);