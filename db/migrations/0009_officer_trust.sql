CREATE TABLE `contests` (
	`id` text PRIMARY KEY NOT NULL,
	`rating_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`decision` text,
	`decision_note` text,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contests_rating_id_unique` ON `contests` (`rating_id`);--> statement-breakpoint
CREATE INDEX `contests_agency` ON `contests` (`agency_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contests_officer` ON `contests` (`officer_id`);--> statement-breakpoint
CREATE TABLE `integration_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_keys_key_hash_unique` ON `integration_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `integration_keys_agency` ON `integration_keys` (`agency_id`);--> statement-breakpoint
ALTER TABLE `devices` ADD `public_key` text;--> statement-breakpoint
ALTER TABLE `duties` ADD `started_via` text;--> statement-breakpoint
ALTER TABLE `duties` ADD `ended_via` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `source` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `issuer` text;--> statement-breakpoint
CREATE INDEX `tickets_officer_created` ON `tickets` (`officer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_counter_created` ON `tickets` (`counter_id`,`created_at`);