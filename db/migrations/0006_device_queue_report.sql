ALTER TABLE `devices` ADD `queue_waiting` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `queue_aside` integer;