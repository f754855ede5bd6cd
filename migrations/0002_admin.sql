CREATE TABLE "admin_inbox" (
	"group_id" bigint PRIMARY KEY NOT NULL,
	"message_id" integer,
	"dirty" integer DEFAULT 0 NOT NULL,
	"rendered_at" timestamp with time zone,
	"last_text" text
);
--> statement-breakpoint
CREATE TABLE "album_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"media_group_id" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"message_id" integer NOT NULL,
	"cost" integer DEFAULT 0 NOT NULL,
	"flushed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" bigint NOT NULL,
	"user_id" bigint,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"author_id" bigint NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "card_dirty" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "card_rendered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "unread" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "last_fan_message_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "last_admin_message_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "renamed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "album_items" ADD CONSTRAINT "album_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notes" ADD CONSTRAINT "user_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "album_items_message_uq" ON "album_items" USING btree ("chat_id","message_id");--> statement-breakpoint
CREATE INDEX "album_items_group_idx" ON "album_items" USING btree ("media_group_id","message_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "user_notes_user_idx" ON "user_notes" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "fan_topics_recent_idx" ON "fan_topics" USING btree ("group_id","last_fan_message_at");