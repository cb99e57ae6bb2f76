CREATE TABLE `counter_services` (
	`counter_id` text NOT NULL,
	`service_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`counter_id`, `service_id`),
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `counters` ADD `thanks_seconds` integer DEFAULT 5 NOT NULL;