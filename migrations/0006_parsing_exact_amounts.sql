-- Exact amounts beside the spec's INTEGER salary columns ("$46.23 an hour"), where the salary came from, and
-- warnings (a row stored with an optional field left empty) beside row errors.
ALTER TABLE "job_postings" ADD COLUMN "salary_min_exact" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "salary_max_exact" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "salary_source" varchar(20);--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_salary_source_check" CHECK (salary_source IN ('columns', 'salary_text', 'description'));--> statement-breakpoint
ALTER TABLE "job_import_errors" ADD COLUMN "severity" varchar(10) DEFAULT 'error' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_import_errors" ADD CONSTRAINT "job_import_errors_severity_check" CHECK (severity IN ('error', 'warning'));
