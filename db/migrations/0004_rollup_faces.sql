ALTER TABLE `rating_rollups` ADD `face_1` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rating_rollups` ADD `face_2` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rating_rollups` ADD `face_3` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rating_rollups` ADD `face_4` integer DEFAULT 0 NOT NULL;