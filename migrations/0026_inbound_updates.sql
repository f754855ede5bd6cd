CREATE TABLE "inbound_updates" (
	"update_id" bigint PRIMARY KEY NOT NULL,
	"lane" text NOT NULL,
	"raw" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inbound_updates_lane_idx" ON "inbound_updates" USING btree ("lane","update_id");