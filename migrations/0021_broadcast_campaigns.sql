CREATE TABLE "campaign_segments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_segments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "campaign_templates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_templates_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" bigint NOT NULL,
	"content" jsonb,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gift" jsonb,
	"progress_chat_id" bigint,
	"progress_message_id" integer,
	"progress_at" timestamp with time zone,
	"confirmed_count" integer,
	"queued" integer DEFAULT 0 NOT NULL,
	"cursor" bigint DEFAULT 0 NOT NULL,
	"queued_all" boolean DEFAULT false NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"blocked" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"gifted" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"rate_since" timestamp with time zone,
	"rate_base" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "campaigns_kind_valid" CHECK ("campaigns"."kind" in ('broadcast', 'gift')),
	CONSTRAINT "campaigns_status_valid" CHECK ("campaigns"."status" in ('draft', 'sending', 'paused', 'cancelled', 'done'))
);
--> statement-breakpoint
CREATE INDEX "campaigns_kind_idx" ON "campaigns" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "campaigns_creator_draft_idx" ON "campaigns" USING btree ("created_by") WHERE "campaigns"."status" = 'draft';