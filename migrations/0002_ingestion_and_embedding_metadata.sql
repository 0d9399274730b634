CREATE TABLE "job_import_errors" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"row_number" integer NOT NULL,
	"field" varchar(100),
	"reason" text NOT NULL,
	"raw_record" text,
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "embedding_model" varchar(100);--> statement-breakpoint
ALTER TABLE "global_roles" ADD COLUMN "embedding_model" varchar(100);--> statement-breakpoint
ALTER TABLE "job_import_batches" ADD COLUMN "unchanged_jobs" integer DEFAULT 0;--> statement-breakpoint
ALTER TABLE "job_import_batches" ADD COLUMN "format" varchar(20);--> statement-breakpoint
ALTER TABLE "job_import_batches" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "salary_currency" varchar(3);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "salary_period" varchar(10);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "salary_min_annual" integer;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "salary_max_annual" integer;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "contract_type" varchar(10);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "work_arrangement" varchar(10);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "employment_type" varchar(50);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "location_city" varchar(120);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "location_region" varchar(120);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "location_country" varchar(2);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "embedding_model" varchar(100);--> statement-breakpoint
ALTER TABLE "job_import_errors" ADD CONSTRAINT "job_import_errors_batch_id_job_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."job_import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_job_import_errors_batch" ON "job_import_errors" USING btree ("batch_id","row_number");--> statement-breakpoint
CREATE INDEX "idx_job_postings_active_age" ON "job_postings" USING btree ("posted_date","imported_at") WHERE status = 'active';--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_salary_period_check" CHECK (salary_period IN ('hour', 'day', 'week', 'month', 'year'));--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_contract_type_check" CHECK (contract_type IN ('W2', 'C2C', '1099'));--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_work_arrangement_check" CHECK (work_arrangement IN ('remote', 'hybrid', 'onsite'));