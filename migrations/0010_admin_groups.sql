CREATE TABLE "admin_group_fans" (
	"group_id" bigint PRIMARY KEY NOT NULL,
	"fans" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_group_load" (
	"group_id" bigint NOT NULL,
	"hour" integer NOT NULL,
	"relayed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "admin_group_load_group_id_hour_pk" PRIMARY KEY("group_id","hour")
);
--> statement-breakpoint
CREATE TABLE "removed_admin_groups" (
	"group_id" bigint PRIMARY KEY NOT NULL,
	"removed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fan_topics" ADD COLUMN "previous_group_id" bigint;--> statement-breakpoint
-- Hand-written: fans per admin group, kept by triggers (placement breaks a tie on load by it, app/relay/placement.ts).
INSERT INTO "admin_group_fans" ("group_id", "fans") SELECT "group_id", count(*) FROM "fan_topics" GROUP BY "group_id";--> statement-breakpoint
CREATE FUNCTION "admin_group_fans_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "admin_group_fans" SET "fans" = "fans" - 1 WHERE "group_id" = OLD."group_id";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "admin_group_fans" ("group_id", "fans") VALUES (NEW."group_id", 1)
      ON CONFLICT ("group_id") DO UPDATE SET "fans" = "admin_group_fans"."fans" + 1;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "fan_topics_fans_added_removed" AFTER INSERT OR DELETE ON "fan_topics"
  FOR EACH ROW EXECUTE FUNCTION "admin_group_fans_count"();--> statement-breakpoint
CREATE TRIGGER "fan_topics_fans_moved" AFTER UPDATE OF "group_id" ON "fan_topics"
  FOR EACH ROW WHEN (OLD."group_id" IS DISTINCT FROM NEW."group_id") EXECUTE FUNCTION "admin_group_fans_count"();
