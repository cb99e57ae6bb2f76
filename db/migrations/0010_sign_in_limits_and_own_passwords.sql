CREATE TABLE `sign_in_counts` (
	`key` text PRIMARY KEY NOT NULL,
	`hits` integer NOT NULL,
	`window_end` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_counts_window_end` ON `sign_in_counts` (`window_end`);--> statement-breakpoint
CREATE TABLE `sign_in_devices` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sign_in_devices_user` ON `sign_in_devices` (`user_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_used_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `password_temporary` integer DEFAULT false NOT NULL;