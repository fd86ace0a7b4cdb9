import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** The API-key expiry sweep is a job the runner queues every 15 minutes: the job enums learn its slug. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'api-key-expiry-notices';
    ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'api-key-expiry-notices';
  `)
}

/** PostgreSQL can't drop an enum value; the slug stays. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
