DROP INDEX "users_first_name_prefix_idx";--> statement-breakpoint
DROP INDEX "users_last_name_prefix_idx";