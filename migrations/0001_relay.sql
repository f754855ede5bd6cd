CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"delta" integer NOT NULL,
	"reason" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"balance_after" integer NOT NULL,
	"actor" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "ledger_entries_balance_after_non_negative" CHECK ("ledger_entries"."balance_after" >= 0),
	CONSTRAINT "ledger_entries_reason_valid" CHECK ("ledger_entries"."reason" in ('bonus', 'purchase', 'spend', 'gift', 'refund', 'dispute', 'adjustment', 'auto_recharge', 'unlock'))
);
--> statement-breakpoint
CREATE TABLE "fan_topics" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"group_id" bigint NOT NULL,
	"thread_id" integer,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"card_message_id" integer,
	"previous_thread_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"fan_chat_id" bigint NOT NULL,
	"fan_message_id" integer,
	"group_chat_id" bigint NOT NULL,
	"group_thread_id" integer,
	"group_message_id" integer,
	"admin_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lane" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"sort_key" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "outbox_status_valid" CHECK ("outbox"."status" in ('pending', 'sending', 'done', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "outbox_budgets" (
	"key" text PRIMARY KEY NOT NULL,
	"recent" timestamp with time zone[] DEFAULT '{}' NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_lanes" (
	"lane" text PRIMARY KEY NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fan_topics" ADD CONSTRAINT "fan_topics_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_links" ADD CONSTRAINT "message_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_user_idx" ON "ledger_entries" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fan_topics_group_thread_uq" ON "fan_topics" USING btree ("group_id","thread_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_links_fan_uq" ON "message_links" USING btree ("fan_chat_id","fan_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_links_group_uq" ON "message_links" USING btree ("group_chat_id","group_message_id");--> statement-breakpoint
CREATE INDEX "message_links_user_idx" ON "message_links" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "outbox_open_idx" ON "outbox" USING btree ("lane","sort_key","id") WHERE "outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_done_at_idx" ON "outbox" USING btree ("done_at");