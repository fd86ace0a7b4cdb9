import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Staff two-factor, with the customers' columns (src/collections/fields/two-factor-fields.ts):
 * the sealed TOTP secret, hashed recovery codes and the attempt limiter on `staff`; and staff
 * sign-ins recorded in `user_sessions` (a staff_id beside user_id, one of them set) so a pending
 * /admin sign-in is known the same way a customer's is.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE "staff_recovery_codes" (
      "_order" integer NOT NULL,
      "_parent_id" integer NOT NULL,
      "id" varchar PRIMARY KEY NOT NULL,
      "hash" varchar NOT NULL,
      "used_at" timestamp(3) with time zone
    );
    ALTER TABLE "staff_recovery_codes" ADD CONSTRAINT "staff_recovery_codes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;
    CREATE INDEX "staff_recovery_codes_order_idx" ON "staff_recovery_codes" USING btree ("_order");
    CREATE INDEX "staff_recovery_codes_parent_id_idx" ON "staff_recovery_codes" USING btree ("_parent_id");
    ALTER TABLE "staff" ADD COLUMN "two_factor_enabled_at" timestamp(3) with time zone;
    ALTER TABLE "staff" ADD COLUMN "totp_secret" varchar;
    ALTER TABLE "staff" ADD COLUMN "totp_last_used_step" numeric;
    ALTER TABLE "staff" ADD COLUMN "two_factor_failures" numeric DEFAULT 0;
    ALTER TABLE "staff" ADD COLUMN "two_factor_lockouts" numeric DEFAULT 0;
    ALTER TABLE "staff" ADD COLUMN "two_factor_locked_until" timestamp(3) with time zone;
    ALTER TABLE "user_sessions" ALTER COLUMN "user_id" DROP NOT NULL;
    ALTER TABLE "user_sessions" ADD COLUMN "staff_id" integer;
    ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
    CREATE INDEX "user_sessions_staff_idx" ON "user_sessions" USING btree ("staff_id");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DELETE FROM "user_sessions" WHERE "user_id" IS NULL;
    DROP INDEX "user_sessions_staff_idx";
    ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_staff_id_staff_id_fk";
    ALTER TABLE "user_sessions" DROP COLUMN "staff_id";
    ALTER TABLE "user_sessions" ALTER COLUMN "user_id" SET NOT NULL;
    ALTER TABLE "staff" DROP COLUMN "two_factor_enabled_at";
    ALTER TABLE "staff" DROP COLUMN "totp_secret";
    ALTER TABLE "staff" DROP COLUMN "totp_last_used_step";
    ALTER TABLE "staff" DROP COLUMN "two_factor_failures";
    ALTER TABLE "staff" DROP COLUMN "two_factor_lockouts";
    ALTER TABLE "staff" DROP COLUMN "two_factor_locked_until";
    DROP TABLE "staff_recovery_codes" CASCADE;
  `)
}
