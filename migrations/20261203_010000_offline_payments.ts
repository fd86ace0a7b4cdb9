import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Offline payments (src/collections/OfflinePayments): a customer's record of a wire or cheque
 * against an open Stripe invoice, confirmed or rejected by staff. At most one report per invoice
 * waits for staff at a time (the partial unique index: a second one racing in is a 409). The
 * remittance file's bytes live beside it in PostgreSQL, with the route's limits repeated as checks
 * so no other writer can store what the route refuses.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TYPE "public"."enum_offline_payments_status" AS ENUM('reported', 'confirmed', 'rejected');
    CREATE TABLE "offline_payments" (
      "id" serial PRIMARY KEY NOT NULL,
      "organization_id" integer NOT NULL,
      "stripe_invoice_id" varchar NOT NULL,
      "invoice_number" varchar,
      "amount" numeric NOT NULL,
      "currency" varchar NOT NULL,
      "amount_due" numeric NOT NULL,
      "amount_mismatch" boolean DEFAULT false,
      "paid_on" timestamp(3) with time zone NOT NULL,
      "reference" varchar NOT NULL,
      "remittance" varchar,
      "status" "enum_offline_payments_status" DEFAULT 'reported' NOT NULL,
      "rejection_reason" varchar,
      "reported_by_id" integer,
      "decided_by_id" integer,
      "decided_at" timestamp(3) with time zone,
      "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
    );
    ALTER TABLE "offline_payments" ADD CONSTRAINT "offline_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
    ALTER TABLE "offline_payments" ADD CONSTRAINT "offline_payments_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "offline_payments" ADD CONSTRAINT "offline_payments_decided_by_id_staff_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
    CREATE INDEX "offline_payments_organization_idx" ON "offline_payments" USING btree ("organization_id");
    CREATE INDEX "offline_payments_stripe_invoice_id_idx" ON "offline_payments" USING btree ("stripe_invoice_id");
    CREATE INDEX "offline_payments_status_idx" ON "offline_payments" USING btree ("status");
    CREATE INDEX "offline_payments_reported_by_idx" ON "offline_payments" USING btree ("reported_by_id");
    CREATE INDEX "offline_payments_decided_by_idx" ON "offline_payments" USING btree ("decided_by_id");
    CREATE INDEX "offline_payments_updated_at_idx" ON "offline_payments" USING btree ("updated_at");
    CREATE INDEX "offline_payments_created_at_idx" ON "offline_payments" USING btree ("created_at");
    CREATE UNIQUE INDEX "offline_payments_one_reported_per_invoice" ON "offline_payments" USING btree ("stripe_invoice_id") WHERE "status" = 'reported';
    CREATE TABLE "offline_payment_remittances" (
      "offline_payment_id" integer PRIMARY KEY NOT NULL REFERENCES "public"."offline_payments"("id") ON DELETE cascade,
      "mime_type" varchar NOT NULL CHECK ("mime_type" IN ('application/pdf', 'image/png', 'image/jpeg')),
      "size_bytes" integer NOT NULL CHECK ("size_bytes" > 0 AND "size_bytes" <= 4194304),
      "data" bytea NOT NULL CHECK (octet_length("data") = "size_bytes"),
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
    );
    ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "offline_payments_id" integer;
    ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_offline_payments_fk" FOREIGN KEY ("offline_payments_id") REFERENCES "public"."offline_payments"("id") ON DELETE cascade ON UPDATE no action;
    CREATE INDEX "payload_locked_documents_rels_offline_payments_id_idx" ON "payload_locked_documents_rels" USING btree ("offline_payments_id");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_offline_payments_fk";
    DROP INDEX IF EXISTS "payload_locked_documents_rels_offline_payments_id_idx";
    ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "offline_payments_id";
    DROP TABLE IF EXISTS "offline_payment_remittances";
    DROP TABLE IF EXISTS "offline_payments" CASCADE;
    DROP TYPE IF EXISTS "public"."enum_offline_payments_status";
  `)
}
