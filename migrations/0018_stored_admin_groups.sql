CREATE TABLE "stored_admin_groups" (
	"chat_id" bigint PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"set_up_by" bigint NOT NULL,
	"set_up_at" timestamp with time zone NOT NULL
);
