ALTER TABLE "fan_topics" DROP COLUMN "card_dirty";--> statement-breakpoint
ALTER TABLE "admin_inbox" DROP COLUMN "dirty";