CREATE TABLE "users" (
	"id" bigint PRIMARY KEY NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text,
	"username" text,
	"language_code" text,
	"tier" text DEFAULT 'new' NOT NULL,
	"is_banned" boolean DEFAULT false NOT NULL,
	"blocked_bot" boolean DEFAULT false NOT NULL,
	"stripe_customer_id" text,
	"credit_balance" integer DEFAULT 0 NOT NULL,
	"time_pass_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_stripe_customer_id_unique" UNIQUE("stripe_customer_id"),
	CONSTRAINT "users_credit_balance_non_negative" CHECK ("users"."credit_balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" bigint
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount" integer NOT NULL,
	"price_stars" integer NOT NULL,
	"price_minor" integer,
	"currency" text DEFAULT 'usd' NOT NULL,
	"stripe_price_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_kind_valid" CHECK ("products"."kind" in ('credits', 'time', 'unlock')),
	CONSTRAINT "products_amount_positive" CHECK ("products"."amount" > 0),
	CONSTRAINT "products_price_stars_positive" CHECK ("products"."price_stars" > 0),
	CONSTRAINT "products_price_minor_positive" CHECK ("products"."price_minor" is null or "products"."price_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "processed_updates" (
	"update_id" bigint PRIMARY KEY NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "once_marks" (
	"key" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "users_username_idx" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_last_seen_idx" ON "users" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "products_active_sort_idx" ON "products" USING btree ("active","sort","id");--> statement-breakpoint
CREATE INDEX "processed_updates_processed_at_idx" ON "processed_updates" USING btree ("processed_at");