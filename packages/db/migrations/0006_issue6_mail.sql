CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`inbound_mail_id` integer,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob,
	`skipped_reason` text,
	`uploaded_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`inbound_mail_id`) REFERENCES `inbound_mail`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_incident_idx` ON `attachments` (`incident_id`,`id`);--> statement-breakpoint
CREATE TABLE `inbound_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text,
	`envelope_from` text NOT NULL,
	`from_address` text,
	`subject` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`incident_id` integer,
	`size` integer NOT NULL,
	`attachment_count` integer DEFAULT 0 NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `inbound_mail_message_id_idx` ON `inbound_mail` (`message_id`);--> statement-breakpoint
CREATE INDEX `inbound_mail_sender_idx` ON `inbound_mail` (`from_address`,`outcome`,`received_at`);--> statement-breakpoint
CREATE INDEX `inbound_mail_incident_idx` ON `inbound_mail` (`incident_id`);--> statement-breakpoint
CREATE INDEX `inbound_mail_outcome_idx` ON `inbound_mail` (`outcome`,`reason`);--> statement-breakpoint
CREATE TABLE `mail_templates` (
	`key` text PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP TABLE `case_attachments`;--> statement-breakpoint
ALTER TABLE `teams` ADD `notify` text DEFAULT 'everyone' NOT NULL;