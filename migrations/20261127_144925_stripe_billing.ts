import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stripe_events_status" AS ENUM('received', 'processed', 'failed', 'ignored');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'process-stripe-event';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'process-stripe-event';
  CREATE TABLE "organizations_tax_ids" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" varchar,
  	"value" varchar,
  	"stripe_id" varchar
  );
  CREATE TABLE "stripe_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"status" "enum_stripe_events_status" DEFAULT 'received' NOT NULL,
  	"reason" varchar,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"customer_id" varchar,
  	"organization_id" integer,
  	"api_version" varchar,
  	"event_created_at" timestamp(3) with time zone,
  	"processed_at" timestamp(3) with time zone,
  	"event" jsonb NOT NULL,
  	"retry" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  ALTER TABLE "organizations" ADD COLUMN "billing_name" varchar;
  ALTER TABLE "organizations" ADD COLUMN "address_line1" varchar;
  ALTER TABLE "organizations" ADD COLUMN "address_line2" varchar;
  ALTER TABLE "organizations" ADD COLUMN "address_city" varchar;
  ALTER TABLE "organizations" ADD COLUMN "address_postal_code" varchar;
  ALTER TABLE "organizations" ADD COLUMN "address_state" varchar;
  ALTER TABLE "organizations" ADD COLUMN "address_country" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_subscription_id" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_price_id" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_product_name" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_status" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_unit_amount" numeric;
  ALTER TABLE "organizations" ADD COLUMN "plan_currency" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_interval" varchar;
  ALTER TABLE "organizations" ADD COLUMN "plan_current_period_end" timestamp(3) with time zone;
  ALTER TABLE "organizations" ADD COLUMN "plan_cancel_at_period_end" boolean;
  ALTER TABLE "organizations" ADD COLUMN "payment_method_stripe_id" varchar;
  ALTER TABLE "organizations" ADD COLUMN "payment_method_brand" varchar;
  ALTER TABLE "organizations" ADD COLUMN "payment_method_last4" varchar;
  ALTER TABLE "organizations" ADD COLUMN "payment_method_exp_month" numeric;
  ALTER TABLE "organizations" ADD COLUMN "payment_method_exp_year" numeric;
  ALTER TABLE "organizations" ADD COLUMN "stripe_synced_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "stripe_events_id" integer;
  ALTER TABLE "organizations_tax_ids" ADD CONSTRAINT "organizations_tax_ids_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "organizations_tax_ids_order_idx" ON "organizations_tax_ids" USING btree ("_order");
  CREATE INDEX "organizations_tax_ids_parent_id_idx" ON "organizations_tax_ids" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "stripe_events_event_id_idx" ON "stripe_events" USING btree ("event_id");
  CREATE INDEX "stripe_events_type_idx" ON "stripe_events" USING btree ("type");
  CREATE INDEX "stripe_events_status_idx" ON "stripe_events" USING btree ("status");
  CREATE INDEX "stripe_events_customer_id_idx" ON "stripe_events" USING btree ("customer_id");
  CREATE INDEX "stripe_events_organization_idx" ON "stripe_events" USING btree ("organization_id");
  CREATE INDEX "stripe_events_event_created_at_idx" ON "stripe_events" USING btree ("event_created_at");
  CREATE INDEX "stripe_events_updated_at_idx" ON "stripe_events" USING btree ("updated_at");
  CREATE INDEX "stripe_events_created_at_idx" ON "stripe_events" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stripe_events_fk" FOREIGN KEY ("stripe_events_id") REFERENCES "public"."stripe_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_stripe_events_id_idx" ON "payload_locked_documents_rels" USING btree ("stripe_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "organizations_tax_ids" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "stripe_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "organizations_tax_ids" CASCADE;
  DROP TABLE "stripe_events" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_stripe_events_fk";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'dispatch-portal-event', 'deliver-notification');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'dispatch-portal-event', 'deliver-notification');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_stripe_events_id_idx";
  ALTER TABLE "organizations" DROP COLUMN "billing_name";
  ALTER TABLE "organizations" DROP COLUMN "address_line1";
  ALTER TABLE "organizations" DROP COLUMN "address_line2";
  ALTER TABLE "organizations" DROP COLUMN "address_city";
  ALTER TABLE "organizations" DROP COLUMN "address_postal_code";
  ALTER TABLE "organizations" DROP COLUMN "address_state";
  ALTER TABLE "organizations" DROP COLUMN "address_country";
  ALTER TABLE "organizations" DROP COLUMN "plan_subscription_id";
  ALTER TABLE "organizations" DROP COLUMN "plan_price_id";
  ALTER TABLE "organizations" DROP COLUMN "plan_product_name";
  ALTER TABLE "organizations" DROP COLUMN "plan_status";
  ALTER TABLE "organizations" DROP COLUMN "plan_unit_amount";
  ALTER TABLE "organizations" DROP COLUMN "plan_currency";
  ALTER TABLE "organizations" DROP COLUMN "plan_interval";
  ALTER TABLE "organizations" DROP COLUMN "plan_current_period_end";
  ALTER TABLE "organizations" DROP COLUMN "plan_cancel_at_period_end";
  ALTER TABLE "organizations" DROP COLUMN "payment_method_stripe_id";
  ALTER TABLE "organizations" DROP COLUMN "payment_method_brand";
  ALTER TABLE "organizations" DROP COLUMN "payment_method_last4";
  ALTER TABLE "organizations" DROP COLUMN "payment_method_exp_month";
  ALTER TABLE "organizations" DROP COLUMN "payment_method_exp_year";
  ALTER TABLE "organizations" DROP COLUMN "stripe_synced_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "stripe_events_id";
  DROP TYPE "public"."enum_stripe_events_status";`)
}
