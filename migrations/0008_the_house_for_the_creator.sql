CREATE TABLE "team_members" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"added_by" bigint,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_role_valid" CHECK ("team_members"."role" in ('agent', 'manager', 'owner'))
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"actor_id" bigint PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"step" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
-- Hand-written: content drafts open at the upgrade move to the generic flow rows (flow 'content'), then
-- their table goes.
INSERT INTO "flows" ("actor_id", "flow", "step", "data", "created_at", "updated_at")
SELECT "admin_id", 'content', "step",
       jsonb_build_object('itemId', "item_id", 'media', "media", 'mediaGroupId', "media_group_id",
                          'title', "title", 'priceCredits', "price_credits"),
       "created_at", "updated_at"
FROM "content_drafts"
ON CONFLICT ("actor_id") DO NOTHING;
--> statement-breakpoint
DROP TABLE "content_drafts" CASCADE;
