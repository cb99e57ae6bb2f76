DROP INDEX `ratings_ticket`;--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket` ON `ratings` (`ticket_id`) WHERE "ratings"."ticket_id" IS NOT NULL;