CREATE TABLE "admin_searches" (
	"actor_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_searches_actor_id_kind_pk" PRIMARY KEY("actor_id","kind")
);
--> statement-breakpoint
CREATE TABLE "message_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"type" text NOT NULL,
	"message_id" integer NOT NULL,
	"group_id" bigint,
	"thread_id" integer,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_log" ADD CONSTRAINT "message_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_log_created_brin" ON "message_log" USING brin ("created_at");--> statement-breakpoint
CREATE INDEX "message_log_text_fts" ON "message_log" USING gin (to_tsvector('simple', "text")) WHERE "message_log"."text" is not null;