DROP INDEX "outbox_open_idx";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "priority" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_sending_idx" ON "outbox" USING btree ("lane") WHERE "outbox"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "outbox_open_idx" ON "outbox" USING btree ("lane",("priority" > 1),"sort_key","id") WHERE "outbox"."status" in ('pending', 'sending');--> statement-breakpoint
-- Hand-written: what is already queued gets the class its kind would get now (app/outbox/policy.ts classOf).
UPDATE "outbox" SET "priority" = CASE
  WHEN "kind" = 'relay.out' THEN 1
  WHEN "kind" = 'call' AND "payload"->'effect'->>'type' = 'album.out' THEN 1
  WHEN "kind" IN ('relay.in', 'relay.album') THEN 2
  WHEN "kind" = 'render' THEN 4
  ELSE 3
END WHERE "status" IN ('pending', 'sending');
