ALTER TABLE "fan_topics" ADD COLUMN "creating_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "message_links" ADD COLUMN "mode" text;