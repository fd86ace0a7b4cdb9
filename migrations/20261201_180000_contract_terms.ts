import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/** What a contract customer reads on Billing (organizations.contract, staff-written). */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "organizations" ADD COLUMN "contract_terms" varchar;
    ALTER TABLE "organizations" ADD COLUMN "contract_renews_on" timestamp(3) with time zone;
    ALTER TABLE "organizations" ADD COLUMN "contract_account_manager_name" varchar;
    ALTER TABLE "organizations" ADD COLUMN "contract_account_manager_email" varchar;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "organizations" DROP COLUMN IF EXISTS "contract_terms";
    ALTER TABLE "organizations" DROP COLUMN IF EXISTS "contract_renews_on";
    ALTER TABLE "organizations" DROP COLUMN IF EXISTS "contract_account_manager_name";
    ALTER TABLE "organizations" DROP COLUMN IF EXISTS "contract_account_manager_email";
  `)
}
