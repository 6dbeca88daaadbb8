CREATE TABLE `incident_followers` (
	`incident_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`since` text NOT NULL,
	PRIMARY KEY(`user_id`, `incident_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_followers_incident_idx` ON `incident_followers` (`incident_id`);