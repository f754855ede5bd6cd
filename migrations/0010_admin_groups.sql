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
ALTER TABLE "fan_topics" ADD COLUMN "previous_group_id" bigint;