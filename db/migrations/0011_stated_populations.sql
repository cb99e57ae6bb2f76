CREATE TABLE `agency_populations` (
	`agency_id` text NOT NULL,
	`period` text NOT NULL,
	`population` integer NOT NULL,
	`stated_by` text,
	`stated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`agency_id`, `period`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agency_populations_range" CHECK(population between 1 and 100000000)
);
