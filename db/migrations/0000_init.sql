CREATE TABLE `agencies` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`timezone` text NOT NULL,
	`embed_origins` text DEFAULT '[]' NOT NULL,
	`comment_retention_days` integer DEFAULT 365 NOT NULL,
	`published` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_slug_unique` ON `agencies` (`slug`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`actor_user_id` text,
	`agency_id` text,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_agency_at` ON `audit_log` (`agency_id`,`at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`opens_at` text DEFAULT '08:00' NOT NULL,
	`closes_at` text DEFAULT '16:00' NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counters_agency_code` ON `counters` (`agency_id`,`code`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text,
	`pairing_code_hash` text,
	`pairing_expires_at` integer,
	`paired_at` integer,
	`revoked_at` integer,
	`last_seen_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_hash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_pairing_code_hash_unique` ON `devices` (`pairing_code_hash`);--> statement-breakpoint
CREATE INDEX `devices_agency` ON `devices` (`agency_id`);--> statement-breakpoint
CREATE TABLE `duties` (
	`id` text PRIMARY KEY NOT NULL,
	`counter_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duties_counter_time` ON `duties` (`counter_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `duties_officer` ON `duties` (`officer_id`);--> statement-breakpoint
CREATE TABLE `officers` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`nip` text NOT NULL,
	`name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`photo_url` text,
	`pin_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `officers_nip_unique` ON `officers` (`nip`);--> statement-breakpoint
CREATE INDEX `officers_agency` ON `officers` (`agency_id`);--> statement-breakpoint
CREATE TABLE `rating_rollups` (
	`agency_id` text NOT NULL,
	`service_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`day` text NOT NULL,
	`respondents` integer DEFAULT 0 NOT NULL,
	`overall_n` integer DEFAULT 0 NOT NULL,
	`overall_sum` real DEFAULT 0 NOT NULL,
	`overall_sq` real DEFAULT 0 NOT NULL,
	`persyaratan_n` integer DEFAULT 0 NOT NULL,
	`persyaratan_sum` real DEFAULT 0 NOT NULL,
	`persyaratan_sq` real DEFAULT 0 NOT NULL,
	`prosedur_n` integer DEFAULT 0 NOT NULL,
	`prosedur_sum` real DEFAULT 0 NOT NULL,
	`prosedur_sq` real DEFAULT 0 NOT NULL,
	`waktu_n` integer DEFAULT 0 NOT NULL,
	`waktu_sum` real DEFAULT 0 NOT NULL,
	`waktu_sq` real DEFAULT 0 NOT NULL,
	`biaya_n` integer DEFAULT 0 NOT NULL,
	`biaya_sum` real DEFAULT 0 NOT NULL,
	`biaya_sq` real DEFAULT 0 NOT NULL,
	`produk_n` integer DEFAULT 0 NOT NULL,
	`produk_sum` real DEFAULT 0 NOT NULL,
	`produk_sq` real DEFAULT 0 NOT NULL,
	`kompetensi_n` integer DEFAULT 0 NOT NULL,
	`kompetensi_sum` real DEFAULT 0 NOT NULL,
	`kompetensi_sq` real DEFAULT 0 NOT NULL,
	`perilaku_n` integer DEFAULT 0 NOT NULL,
	`perilaku_sum` real DEFAULT 0 NOT NULL,
	`perilaku_sq` real DEFAULT 0 NOT NULL,
	`sarana_n` integer DEFAULT 0 NOT NULL,
	`sarana_sum` real DEFAULT 0 NOT NULL,
	`sarana_sq` real DEFAULT 0 NOT NULL,
	`pengaduan_n` integer DEFAULT 0 NOT NULL,
	`pengaduan_sum` real DEFAULT 0 NOT NULL,
	`pengaduan_sq` real DEFAULT 0 NOT NULL,
	`officer_n` integer DEFAULT 0 NOT NULL,
	`officer_sum` real DEFAULT 0 NOT NULL,
	`officer_sq` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`agency_id`, `day`, `service_id`, `counter_id`, `officer_id`)
);
--> statement-breakpoint
CREATE INDEX `rollups_officer_day` ON `rating_rollups` (`officer_id`,`day`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`service_id` text NOT NULL,
	`counter_id` text,
	`officer_id` text,
	`device_id` text,
	`ticket_id` text,
	`channel` text NOT NULL,
	`overall` integer,
	`persyaratan` integer,
	`prosedur` integer,
	`waktu` integer,
	`biaya` integer,
	`produk` integer,
	`kompetensi` integer,
	`perilaku` integer,
	`sarana` integer,
	`pengaduan` integer,
	`reasons` text,
	`comment` text,
	`respondent` text,
	`locale` text DEFAULT 'id' NOT NULL,
	`created_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`day` text NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`counted` integer NOT NULL,
	`batch` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ratings_agency_day` ON `ratings` (`agency_id`,`day`);--> statement-breakpoint
CREATE INDEX `ratings_device_time` ON `ratings` (`device_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ratings_officer_day` ON `ratings` (`officer_id`,`day`);--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket` ON `ratings` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_agency_slug` ON `services` (`agency_id`,`slug`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`service_id` text NOT NULL,
	`counter_id` text,
	`officer_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` text,
	`region` text,
	`officer_id` text,
	`password_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_officer_id_unique` ON `users` (`officer_id`);