CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`period` text NOT NULL,
	`element` text NOT NULL,
	`action` text NOT NULL,
	`due` text NOT NULL,
	`responsible` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`note` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "follow_ups_status" CHECK(status in ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE INDEX `follow_ups_agency_period` ON `follow_ups` (`agency_id`,`period`);