CREATE TABLE `case_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`data` blob NOT NULL,
	`uploaded_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_attachments_incident_idx` ON `case_attachments` (`incident_id`,`id`);--> statement-breakpoint
ALTER TABLE `incidents` ADD `people_affected` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `tp_triage` text;--> statement-breakpoint
CREATE INDEX `incidents_tp_triage_idx` ON `incidents` (`tp_triage`,`id`);