CREATE TABLE `publications` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_id` text NOT NULL,
	`period` text NOT NULL,
	`snapshot` text NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	`superseded_at` integer,
	`superseded_by` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `publications_agency` ON `publications` (`agency_id`,`published_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `publications_current` ON `publications` (`agency_id`,`period`) WHERE superseded_at is null;