CREATE TABLE `comment_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`rating_id` text NOT NULL,
	`text` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_replies_rating_id_unique` ON `comment_replies` (`rating_id`);--> statement-breakpoint
CREATE TABLE `officer_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`period` text NOT NULL,
	`text` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`acknowledged_at` integer,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officer_feedback_officer_period` ON `officer_feedback` (`officer_id`,`period`);