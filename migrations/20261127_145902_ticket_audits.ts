import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "ticket_audits" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"active_customers" numeric NOT NULL,
  	"period_end" timestamp(3) with time zone,
  	"tickets" numeric,
  	"absorbable_share" numeric,
  	"summary" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ticket_audits_id" integer;
  CREATE INDEX "ticket_audits_period_end_idx" ON "ticket_audits" USING btree ("period_end");
  CREATE INDEX "ticket_audits_updated_at_idx" ON "ticket_audits" USING btree ("updated_at");
  CREATE INDEX "ticket_audits_created_at_idx" ON "ticket_audits" USING btree ("created_at");
  CREATE UNIQUE INDEX "ticket_audits_filename_idx" ON "ticket_audits" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ticket_audits_fk" FOREIGN KEY ("ticket_audits_id") REFERENCES "public"."ticket_audits"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_ticket_audits_id_idx" ON "payload_locked_documents_rels" USING btree ("ticket_audits_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "ticket_audits" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "ticket_audits" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ticket_audits_fk";
  
  DROP INDEX "payload_locked_documents_rels_ticket_audits_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ticket_audits_id";`)
}
