ALTER TABLE "products" ADD COLUMN "stripe_product_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stripe_retired_price_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "card_price_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_label_valid" CHECK ("products"."label" is null or "products"."label" in ('popular', 'best_value'));