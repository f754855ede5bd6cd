CREATE TABLE "admin_user_searches" (
	"actor_id" bigint PRIMARY KEY NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "tier_manual" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lifetime_spent" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "users_first_name_prefix_idx" ON "users" USING btree (lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_last_name_prefix_idx" ON "users" USING btree (lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_username_prefix_idx" ON "users" USING btree (lower("username") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_tier_seen_idx" ON "users" USING btree ("tier","last_seen_at");--> statement-breakpoint
CREATE INDEX "users_banned_seen_idx" ON "users" USING btree ("last_seen_at") WHERE "users"."is_banned";--> statement-breakpoint
-- Hand-written: the lifetime spend of existing fans from their ledger (message and unlock debits), then
-- the tier it earns under the stored thresholds (the setting's defaults when none are stored).
UPDATE "users" SET "lifetime_spent" = s.spent
FROM (
	SELECT "user_id", -sum("delta") AS spent FROM "ledger_entries"
	WHERE "reason" IN ('spend', 'unlock') AND "delta" < 0
	GROUP BY "user_id"
) s
WHERE s."user_id" = "users"."id";--> statement-breakpoint
UPDATE "users" SET "tier" = CASE
		WHEN "lifetime_spent" >= t.vip THEN 'vip'
		WHEN "lifetime_spent" >= t.regular AND "tier" <> 'vip' THEN 'regular'
		ELSE "tier"
	END
FROM (
	SELECT
		coalesce((SELECT ("value"->>'regular')::bigint FROM "settings" WHERE "key" = 'tier_thresholds'), 100) AS regular,
		coalesce((SELECT ("value"->>'vip')::bigint FROM "settings" WHERE "key" = 'tier_thresholds'), 1000) AS vip
) t
WHERE "lifetime_spent" > 0;
