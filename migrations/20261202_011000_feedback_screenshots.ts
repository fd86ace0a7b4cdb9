import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Screenshots attached to feedback (src/feedback/feedback-screenshot.ts): the bytes in PostgreSQL,
 * the only stateful service, one per feedback, removed with it. The checks repeat the route's limits
 * so no other writer can store what the route refuses. `screenshot` on the feedback is the staff link.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "customer_feedback" ADD COLUMN "screenshot" varchar;
    CREATE TABLE "feedback_screenshots" (
      "feedback_id" integer PRIMARY KEY NOT NULL REFERENCES "public"."customer_feedback"("id") ON DELETE cascade,
      "mime_type" varchar NOT NULL CHECK ("mime_type" IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
      "size_bytes" integer NOT NULL CHECK ("size_bytes" > 0 AND "size_bytes" <= 5242880),
      "data" bytea NOT NULL CHECK (octet_length("data") = "size_bytes"),
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TABLE IF EXISTS "feedback_screenshots";
    ALTER TABLE "customer_feedback" DROP COLUMN IF EXISTS "screenshot";
  `)
}
