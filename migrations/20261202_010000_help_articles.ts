import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The Help drawer: staff-written articles with drafts and versions (src/collections/HelpArticles),
 * what customers did with them (`help-events`), and the search behind GET /api/help/search:
 * a stored tsvector (title over keywords over body text) with a GIN index, and a pg_trgm index on
 * the title so a typo still finds the article. Tables as Payload's postgres adapter shapes them.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TYPE "public"."enum_help_articles_section" AS ENUM('account', 'team', 'billing', 'usage', 'invoices', 'api-keys', 'notifications', 'general');
    CREATE TYPE "public"."enum_help_articles_status" AS ENUM('draft', 'published');
    CREATE TYPE "public"."enum__help_articles_v_version_section" AS ENUM('account', 'team', 'billing', 'usage', 'invoices', 'api-keys', 'notifications', 'general');
    CREATE TYPE "public"."enum__help_articles_v_version_status" AS ENUM('draft', 'published');
    CREATE TYPE "public"."enum_help_events_kind" AS ENUM('opened', 'viewed', 'answered', 'contacted_support');
    CREATE TABLE "help_articles" (
      "id" serial PRIMARY KEY NOT NULL,
      "title" varchar,
      "slug" varchar,
      "section" "enum_help_articles_section",
      "order" numeric DEFAULT 0,
      "body" jsonb,
      "keywords" varchar,
      "last_reviewed_at" timestamp(3) with time zone,
      "body_text" varchar,
      "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "_status" "enum_help_articles_status" DEFAULT 'draft',
      -- Not a Payload field: PostgreSQL keeps it in step with the columns it is computed from.
      "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("keywords", '')), 'B') ||
        setweight(to_tsvector('english', coalesce("body_text", '')), 'C')
      ) STORED
    );
    CREATE TABLE "help_articles_routes" (
      "_order" integer NOT NULL,
      "_parent_id" integer NOT NULL,
      "id" varchar PRIMARY KEY NOT NULL,
      "pattern" varchar
    );
    CREATE TABLE "_help_articles_v" (
      "id" serial PRIMARY KEY NOT NULL,
      "parent_id" integer,
      "version_title" varchar,
      "version_slug" varchar,
      "version_section" "enum__help_articles_v_version_section",
      "version_order" numeric DEFAULT 0,
      "version_body" jsonb,
      "version_keywords" varchar,
      "version_last_reviewed_at" timestamp(3) with time zone,
      "version_body_text" varchar,
      "version_updated_at" timestamp(3) with time zone,
      "version_created_at" timestamp(3) with time zone,
      "version__status" "enum__help_articles_v_version_status" DEFAULT 'draft',
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "latest" boolean
    );
    CREATE TABLE "_help_articles_v_version_routes" (
      "_order" integer NOT NULL,
      "_parent_id" integer NOT NULL,
      "id" serial PRIMARY KEY NOT NULL,
      "pattern" varchar,
      "_uuid" varchar
    );
    CREATE TABLE "help_events" (
      "id" serial PRIMARY KEY NOT NULL,
      "kind" "enum_help_events_kind" NOT NULL,
      "article_id" integer,
      "screen" varchar NOT NULL,
      "path" varchar NOT NULL,
      "helpful" boolean,
      "reason" varchar,
      "user_id" integer NOT NULL,
      "organization_id" integer,
      "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
    );
    ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "help_articles_id" integer;
    ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "help_events_id" integer;
    ALTER TABLE "help_articles_routes" ADD CONSTRAINT "help_articles_routes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."help_articles"("id") ON DELETE cascade ON UPDATE no action;
    ALTER TABLE "_help_articles_v_version_routes" ADD CONSTRAINT "_help_articles_v_version_routes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_help_articles_v"("id") ON DELETE cascade ON UPDATE no action;
    ALTER TABLE "_help_articles_v" ADD CONSTRAINT "_help_articles_v_parent_id_help_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."help_articles"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "help_events" ADD CONSTRAINT "help_events_article_id_help_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."help_articles"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "help_events" ADD CONSTRAINT "help_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "help_events" ADD CONSTRAINT "help_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_help_articles_fk" FOREIGN KEY ("help_articles_id") REFERENCES "public"."help_articles"("id") ON DELETE cascade ON UPDATE no action;
    ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_help_events_fk" FOREIGN KEY ("help_events_id") REFERENCES "public"."help_events"("id") ON DELETE cascade ON UPDATE no action;
    CREATE UNIQUE INDEX "help_articles_slug_idx" ON "help_articles" USING btree ("slug");
    CREATE INDEX "help_articles_updated_at_idx" ON "help_articles" USING btree ("updated_at");
    CREATE INDEX "help_articles_created_at_idx" ON "help_articles" USING btree ("created_at");
    CREATE INDEX "help_articles__status_idx" ON "help_articles" USING btree ("_status");
    CREATE INDEX "help_articles_search_vector_idx" ON "help_articles" USING gin ("search_vector");
    CREATE INDEX "help_articles_title_trgm_idx" ON "help_articles" USING gin ("title" gin_trgm_ops);
    CREATE INDEX "help_articles_routes_order_idx" ON "help_articles_routes" USING btree ("_order");
    CREATE INDEX "help_articles_routes_parent_id_idx" ON "help_articles_routes" USING btree ("_parent_id");
    CREATE INDEX "_help_articles_v_parent_idx" ON "_help_articles_v" USING btree ("parent_id");
    CREATE INDEX "_help_articles_v_version_version_slug_idx" ON "_help_articles_v" USING btree ("version_slug");
    CREATE INDEX "_help_articles_v_version_version_updated_at_idx" ON "_help_articles_v" USING btree ("version_updated_at");
    CREATE INDEX "_help_articles_v_version_version_created_at_idx" ON "_help_articles_v" USING btree ("version_created_at");
    CREATE INDEX "_help_articles_v_version_version__status_idx" ON "_help_articles_v" USING btree ("version__status");
    CREATE INDEX "_help_articles_v_created_at_idx" ON "_help_articles_v" USING btree ("created_at");
    CREATE INDEX "_help_articles_v_updated_at_idx" ON "_help_articles_v" USING btree ("updated_at");
    CREATE INDEX "_help_articles_v_latest_idx" ON "_help_articles_v" USING btree ("latest");
    CREATE INDEX "_help_articles_v_version_routes_order_idx" ON "_help_articles_v_version_routes" USING btree ("_order");
    CREATE INDEX "_help_articles_v_version_routes_parent_id_idx" ON "_help_articles_v_version_routes" USING btree ("_parent_id");
    CREATE INDEX "help_events_article_idx" ON "help_events" USING btree ("article_id");
    CREATE INDEX "help_events_screen_idx" ON "help_events" USING btree ("screen");
    CREATE INDEX "help_events_user_idx" ON "help_events" USING btree ("user_id");
    CREATE INDEX "help_events_organization_idx" ON "help_events" USING btree ("organization_id");
    CREATE INDEX "help_events_updated_at_idx" ON "help_events" USING btree ("updated_at");
    CREATE INDEX "help_events_created_at_idx" ON "help_events" USING btree ("created_at");
    -- "Did the same user write to us within 24 h of reading?" looks up by user and time.
    CREATE INDEX "help_events_user_created_at_idx" ON "help_events" USING btree ("user_id", "created_at");
    CREATE INDEX "customer_feedback_user_created_at_idx" ON "customer_feedback" USING btree ("user_id", "created_at");
    CREATE INDEX "payload_locked_documents_rels_help_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("help_articles_id");
    CREATE INDEX "payload_locked_documents_rels_help_events_id_idx" ON "payload_locked_documents_rels" USING btree ("help_events_id");
  `)
}

/** pg_trgm stays: other schemas may use it, and it holds no data. */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_help_articles_fk";
    ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_help_events_fk";
    DROP INDEX IF EXISTS "payload_locked_documents_rels_help_articles_id_idx";
    DROP INDEX IF EXISTS "payload_locked_documents_rels_help_events_id_idx";
    DROP INDEX IF EXISTS "customer_feedback_user_created_at_idx";
    ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "help_articles_id";
    ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "help_events_id";
    DROP TABLE IF EXISTS "help_events" CASCADE;
    DROP TABLE IF EXISTS "_help_articles_v_version_routes" CASCADE;
    DROP TABLE IF EXISTS "_help_articles_v" CASCADE;
    DROP TABLE IF EXISTS "help_articles_routes" CASCADE;
    DROP TABLE IF EXISTS "help_articles" CASCADE;
    DROP TYPE IF EXISTS "public"."enum_help_events_kind";
    DROP TYPE IF EXISTS "public"."enum__help_articles_v_version_status";
    DROP TYPE IF EXISTS "public"."enum__help_articles_v_version_section";
    DROP TYPE IF EXISTS "public"."enum_help_articles_status";
    DROP TYPE IF EXISTS "public"."enum_help_articles_section";
  `)
}
