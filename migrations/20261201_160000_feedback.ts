import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Feedback from the portal's form (src/collections/Feedback, slug `customer-feedback`: /api/feedback
 * is the portal's own route, which would shadow Payload's REST path) and the job forwarding it to Linear.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'forward-feedback';
    ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'forward-feedback';
    CREATE TYPE "public"."enum_customer_feedback_type" AS ENUM('bug', 'question', 'idea', 'billing');
    CREATE TYPE "public"."enum_customer_feedback_status" AS ENUM('new', 'forwarded', 'not_forwarded', 'shipped');
    CREATE TABLE "customer_feedback" (
      "id" serial PRIMARY KEY NOT NULL,
      "type" "enum_customer_feedback_type" NOT NULL,
      "section" varchar NOT NULL,
      "message" varchar NOT NULL,
      "user_id" integer NOT NULL,
      "organization_id" integer,
      "context_page" varchar,
      "context_browser" varchar,
      "context_plan" varchar,
      "context_last_error" varchar,
      "status" "enum_customer_feedback_status" DEFAULT 'new' NOT NULL,
      "linear_issue_id" varchar,
      "linear_issue_url" varchar,
      "forward_error" varchar,
      "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
    );
    ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "customer_feedback_id" integer;
    ALTER TABLE "customer_feedback" ADD CONSTRAINT "customer_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "customer_feedback" ADD CONSTRAINT "customer_feedback_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
    CREATE INDEX "customer_feedback_user_idx" ON "customer_feedback" USING btree ("user_id");
    CREATE INDEX "customer_feedback_organization_idx" ON "customer_feedback" USING btree ("organization_id");
    CREATE INDEX "customer_feedback_updated_at_idx" ON "customer_feedback" USING btree ("updated_at");
    CREATE INDEX "customer_feedback_created_at_idx" ON "customer_feedback" USING btree ("created_at");
    ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_customer_feedback_fk" FOREIGN KEY ("customer_feedback_id") REFERENCES "public"."customer_feedback"("id") ON DELETE cascade ON UPDATE no action;
    CREATE INDEX "payload_locked_documents_rels_customer_feedback_id_idx" ON "payload_locked_documents_rels" USING btree ("customer_feedback_id");
  `)
}

/** PostgreSQL can't drop an enum value; the `forward-feedback` task slug stays. */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_customer_feedback_fk";
    DROP INDEX IF EXISTS "payload_locked_documents_rels_customer_feedback_id_idx";
    ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "customer_feedback_id";
    DROP TABLE IF EXISTS "customer_feedback" CASCADE;
    DROP TYPE IF EXISTS "public"."enum_customer_feedback_type";
    DROP TYPE IF EXISTS "public"."enum_customer_feedback_status";
  `)
}
