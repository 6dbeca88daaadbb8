CREATE TABLE `routing_answers` (
	`incident_id` integer PRIMARY KEY NOT NULL,
	`answers` text NOT NULL,
	`recorded_by_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
