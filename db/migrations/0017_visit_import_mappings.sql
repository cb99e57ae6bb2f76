CREATE TABLE `visit_import_mappings` (
	`agency_id` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`saved_by` text,
	`saved_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
