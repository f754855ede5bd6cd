CREATE TABLE "conversation_flags" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"assignee_id" bigint,
	"assigned_by" bigint,
	"assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "first_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"response_ms" bigint NOT NULL,
	"admin_id" bigint
);
--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_flags" ADD CONSTRAINT "conversation_flags_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_responses" ADD CONSTRAINT "first_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_flags_assignee_idx" ON "conversation_flags" USING btree ("assignee_id") WHERE "conversation_flags"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "first_responses_answered_idx" ON "first_responses" USING btree ("answered_at","response_ms");--> statement-breakpoint
-- Hand-written: a conversation waiting now waits since its first relayed message after the last answer.
UPDATE "fan_topics" t SET "waiting_since" = coalesce(
  (SELECT min(l.created_at) FROM "message_links" l
    WHERE l.user_id = t.user_id AND l.direction = 'in'
      AND (t.last_admin_message_at IS NULL OR l.created_at > t.last_admin_message_at)),
  t.last_fan_message_at)
WHERE t.unread > 0;--> statement-breakpoint
-- Hand-written: first-response history from the relayed messages so far (each run of fan messages up to
-- the next admin message; link times are delivery times, close enough for the past).
INSERT INTO "first_responses" ("user_id", "asked_at", "answered_at", "response_ms", "admin_id")
SELECT user_id, asked, answered, greatest(0, round(extract(epoch FROM (answered - asked)) * 1000))::bigint, admin_id
FROM (
  SELECT user_id,
         min(created_at) FILTER (WHERE direction = 'in') AS asked,
         max(created_at) FILTER (WHERE direction = 'out') AS answered,
         max(admin_id) FILTER (WHERE direction = 'out') AS admin_id
  FROM (
    SELECT user_id, direction, created_at, admin_id,
           count(*) FILTER (WHERE direction = 'out')
             OVER (PARTITION BY user_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS run
    FROM "message_links"
  ) runs
  GROUP BY user_id, run
) answered_runs
WHERE asked IS NOT NULL AND answered IS NOT NULL;
