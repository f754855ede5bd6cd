CREATE TABLE "team_members" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"added_by" bigint,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_role_valid" CHECK ("team_members"."role" in ('agent', 'manager', 'owner'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;