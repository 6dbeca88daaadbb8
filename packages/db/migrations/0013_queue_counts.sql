CREATE TABLE `queue_counts` (
	`team_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`team_id`, `status`)
);
