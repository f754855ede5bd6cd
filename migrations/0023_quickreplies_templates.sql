CREATE TABLE "quick_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"entities" jsonb,
	"sort" integer DEFAULT 0 NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quick_replies_uses_valid" CHECK ("quick_replies"."uses" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "quick_replies_name_idx" ON "quick_replies" USING btree (lower("category"),lower("title"));