CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `incident_viewers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`connection_id` text NOT NULL,
	`editing` integer DEFAULT false NOT NULL,
	`opened_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_viewers_connection_id_unique` ON `incident_viewers` (`connection_id`);--> statement-breakpoint
CREATE INDEX `incident_viewers_incident_idx` ON `incident_viewers` (`incident_id`);--> statement-breakpoint
CREATE INDEX `incident_viewers_expires_idx` ON `incident_viewers` (`expires_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`actor_id` integer NOT NULL,
	`operation` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`incident_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`actor_id`, `operation`, `key`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sla_clocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`cycle` integer NOT NULL,
	`policy_id` integer,
	`calendar` text NOT NULL,
	`target_ms` integer NOT NULL,
	`target_label` text NOT NULL,
	`landing` text NOT NULL,
	`started_at` text NOT NULL,
	`running_since` text,
	`used_ms` integer NOT NULL,
	`paused_at` text,
	`due_at` text,
	`warn_at` text,
	`next_warning_at` text,
	`warned_at` text,
	`breach_notified_at` text,
	`promised_at` text,
	`stopped_at` text,
	`outcome` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_id`) REFERENCES `sla_policies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_clocks_cycle_idx` ON `sla_clocks` (`incident_id`,`team_id`,`kind`,`cycle`);--> statement-breakpoint
CREATE INDEX `sla_clocks_next_warning_idx` ON `sla_clocks` (`next_warning_at`);--> statement-breakpoint
CREATE INDEX `sla_clocks_team_kind_idx` ON `sla_clocks` (`team_id`,`kind`,`started_at`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`urgency` text,
	`channel` text,
	`calendar` text NOT NULL,
	`first_response_amount` integer NOT NULL,
	`first_response_unit` text NOT NULL,
	`resolution_amount` integer NOT NULL,
	`resolution_unit` text NOT NULL,
	`effective_from` text NOT NULL,
	`superseded_at` text,
	`created_by_id` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sla_policies_team_idx` ON `sla_policies` (`team_id`,`effective_from`);--> statement-breakpoint
CREATE TABLE `sla_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`clock_id` integer NOT NULL,
	`level` text NOT NULL,
	`fired_at` text NOT NULL,
	FOREIGN KEY (`clock_id`) REFERENCES `sla_clocks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_warnings_once_idx` ON `sla_warnings` (`clock_id`,`level`);--> statement-breakpoint
CREATE TABLE `team_leads` (
	`team_id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_leads_user_idx` ON `team_leads` (`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `sla_due_at` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `next_breach_at` text GENERATED ALWAYS AS (ifnull(sla_due_at, '~')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `incidents_team_breach_idx` ON `incidents` (`owner_team_id`,`next_breach_at`,`id`);