CREATE TABLE "failed_updates" (
	"update_id" bigint PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'retrying' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"raw" jsonb NOT NULL,
	"last_error" text NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "failed_updates_status_valid" CHECK ("failed_updates"."status" in ('retrying', 'parked'))
);
--> statement-breakpoint
CREATE TABLE "payment_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"user_id" bigint NOT NULL,
	"charge_id" text,
	"update_id" bigint NOT NULL,
	"raw" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "payment_updates_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "payment_updates_status_valid" CHECK ("payment_updates"."status" in ('pending', 'applied', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "failed_updates_updated_at_idx" ON "failed_updates" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "payment_updates_user_idx" ON "payment_updates" USING btree ("user_id","id");