CREATE TABLE "stripe_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"outcome" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_drafts" (
	"admin_id" bigint PRIMARY KEY NOT NULL,
	"step" text NOT NULL,
	"item_id" integer,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"media_group_id" text,
	"title" text,
	"price_credits" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_drafts_step_valid" CHECK ("content_drafts"."step" in ('media', 'title', 'credits', 'stars', 'edit_title', 'edit_credits', 'edit_stars'))
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"price_credits" integer NOT NULL,
	"price_stars" integer NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"sort" integer NOT NULL,
	"product_id" integer,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_title_length" CHECK (char_length("content_items"."title") between 1 and 64),
	CONSTRAINT "content_items_price_credits_range" CHECK ("content_items"."price_credits" between 1 and 100000),
	CONSTRAINT "content_items_price_stars_range" CHECK ("content_items"."price_stars" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "content_media" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"file_id" text NOT NULL,
	"file_unique_id" text,
	CONSTRAINT "content_media_type_valid" CHECK ("content_media"."type" in ('photo', 'video', 'document', 'audio'))
);
--> statement-breakpoint
CREATE TABLE "content_unlocks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"item_id" integer NOT NULL,
	"method" text NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"ledger_key" text,
	"stars" integer DEFAULT 0 NOT NULL,
	"payment_id" bigint,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_unlocks_method_valid" CHECK ("content_unlocks"."method" in ('credits', 'paid_media', 'invoice'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "stripe_payment_method_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "stripe_card_label" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "auto_recharge_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "auto_recharge_product_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "auto_recharge_threshold" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "auto_recharge_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "checkout_session_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "origin" text DEFAULT 'invoice' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "trigger_key" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refunded_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "content_drafts" ADD CONSTRAINT "content_drafts_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_media" ADD CONSTRAINT "content_media_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_unlocks" ADD CONSTRAINT "content_unlocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_unlocks" ADD CONSTRAINT "content_unlocks_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_unlocks" ADD CONSTRAINT "content_unlocks_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_events_processed_at_idx" ON "stripe_events" USING btree ("processed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_product_uq" ON "content_items" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "content_items_sort_idx" ON "content_items" USING btree ("sort","id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_media_item_position_uq" ON "content_media" USING btree ("item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "content_unlocks_user_item_uq" ON "content_unlocks" USING btree ("user_id","item_id");--> statement-breakpoint
CREATE INDEX "content_unlocks_item_idx" ON "content_unlocks" USING btree ("item_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_checkout_session_id_unique" UNIQUE("checkout_session_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_trigger_key_unique" UNIQUE("trigger_key");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_refunded_amount_range" CHECK ("payments"."refunded_amount" between 0 and "payments"."amount");