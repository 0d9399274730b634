CREATE TABLE "candidate_global_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"global_role_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "candidate_job_matches" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"job_posting_id" integer NOT NULL,
	"match_score" numeric(5, 2) NOT NULL,
	"skill_match_score" numeric(5, 2),
	"experience_match_score" numeric(5, 2),
	"location_match_score" numeric(5, 2),
	"salary_match_score" numeric(5, 2),
	"semantic_similarity" numeric(5, 2),
	"matched_skills" varchar(100)[] DEFAULT '{}',
	"missing_skills" varchar(100)[] DEFAULT '{}',
	"match_reasons" text[] DEFAULT '{}',
	"status" varchar(50) DEFAULT 'suggested',
	"is_recommended" boolean DEFAULT false,
	"matched_at" timestamp with time zone DEFAULT now(),
	"viewed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "candidate_job_matches_status_check" CHECK (status IN ('suggested', 'viewed', 'applied', 'rejected', 'shortlisted')),
	CONSTRAINT "candidate_job_matches_score_check" CHECK (match_score BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"email" varchar(255) NOT NULL,
	"phone" varchar(20),
	"current_title" varchar(200),
	"skills" varchar(100)[] DEFAULT '{}',
	"total_experience_years" integer,
	"professional_summary" text,
	"expected_salary" varchar(100),
	"location" varchar(200),
	"preferred_locations" varchar(200)[] DEFAULT '{}',
	"preferred_roles" varchar(200)[] DEFAULT '{}',
	"embedding" vector(768),
	"status" varchar(50) DEFAULT 'pending_review',
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "candidates_status_check" CHECK (status IN ('pending_review', 'approved', 'rejected', 'ready_for_assignment')),
	CONSTRAINT "candidates_total_experience_years_check" CHECK (total_experience_years IS NULL OR total_experience_years BETWEEN 0 AND 80)
);
--> statement-breakpoint
CREATE TABLE "global_roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"embedding" vector(768),
	"aliases" text[] DEFAULT '{}',
	"category" varchar(100),
	"candidate_count" integer DEFAULT 0,
	"queue_status" varchar(20) DEFAULT 'pending',
	"priority" varchar(20) DEFAULT 'normal',
	"total_jobs_scraped" integer DEFAULT 0,
	"last_scraped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "global_roles_name_key" UNIQUE("name"),
	CONSTRAINT "global_roles_queue_status_check" CHECK (queue_status IN ('pending', 'processing', 'completed')),
	CONSTRAINT "global_roles_priority_check" CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
	CONSTRAINT "global_roles_candidate_count_check" CHECK (candidate_count >= 0)
);
--> statement-breakpoint
CREATE TABLE "job_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"job_posting_id" integer NOT NULL,
	"match_id" integer,
	"application_status" varchar(50) DEFAULT 'applied',
	"applied_via" varchar(50),
	"cover_letter" text,
	"notes" text,
	"applied_at" timestamp with time zone DEFAULT now(),
	"status_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "job_applications_application_status_check" CHECK (application_status IN ('applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn')),
	CONSTRAINT "job_applications_applied_via_check" CHECK (applied_via IS NULL OR applied_via IN ('platform', 'direct', 'referral'))
);
--> statement-breakpoint
CREATE TABLE "job_import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" varchar(255) NOT NULL,
	"platform" varchar(50) NOT NULL,
	"file_name" varchar(255),
	"total_jobs" integer DEFAULT 0,
	"new_jobs" integer DEFAULT 0,
	"updated_jobs" integer DEFAULT 0,
	"failed_jobs" integer DEFAULT 0,
	"import_status" varchar(50) DEFAULT 'in_progress',
	"error_message" text,
	"imported_by" integer,
	"started_at" timestamp with time zone DEFAULT now(),
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "job_import_batches_batch_id_key" UNIQUE("batch_id"),
	CONSTRAINT "job_import_batches_import_status_check" CHECK (import_status IN ('in_progress', 'completed', 'failed', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "job_postings" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_job_id" varchar(255),
	"platform" varchar(50) NOT NULL,
	"title" varchar(500) NOT NULL,
	"company" varchar(255),
	"location" varchar(255),
	"description" text,
	"requirements" text,
	"salary_range" varchar(255),
	"salary_min" integer,
	"salary_max" integer,
	"experience_required" varchar(100),
	"experience_min" integer,
	"experience_max" integer,
	"skills" varchar(100)[] DEFAULT '{}',
	"keywords" varchar(100)[] DEFAULT '{}',
	"is_remote" boolean DEFAULT false,
	"job_url" text,
	"status" varchar(50) DEFAULT 'active',
	"scraped_by_key_id" integer,
	"import_batch_id" integer,
	"scrape_session_id" uuid,
	"normalized_role_id" integer,
	"embedding" vector(768),
	"posted_date" date,
	"imported_at" timestamp with time zone DEFAULT now(),
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "job_postings_status_check" CHECK (status IN ('active', 'expired', 'filled', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "role_job_mapping" (
	"id" serial PRIMARY KEY NOT NULL,
	"global_role_id" integer NOT NULL,
	"job_posting_id" integer NOT NULL,
	"scraped_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "scrape_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"scraper_key_id" integer NOT NULL,
	"scraper_name" varchar(100),
	"global_role_id" integer,
	"role_name" varchar(255),
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"duration_seconds" integer,
	"jobs_found" integer DEFAULT 0,
	"jobs_imported" integer DEFAULT 0,
	"jobs_skipped" integer DEFAULT 0,
	"status" varchar(20) DEFAULT 'in_progress',
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now(),
	"updated_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "scrape_sessions_session_id_key" UNIQUE("session_id"),
	CONSTRAINT "scrape_sessions_status_check" CHECK (status IN ('in_progress', 'completed', 'failed', 'timeout'))
);
--> statement-breakpoint
CREATE TABLE "scraper_api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"key_hash" varchar(255) NOT NULL,
	"name" varchar(100) NOT NULL,
	"is_active" boolean DEFAULT true,
	"last_used_at" timestamp with time zone,
	"total_requests" integer DEFAULT 0,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now(),
	"revoked_at" timestamp with time zone,
	CONSTRAINT "scraper_api_keys_key_hash_key" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer,
	"email" varchar(255) NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" varchar(200),
	"role" varchar(20) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK (role IN ('PM_ADMIN', 'TENANT_ADMIN', 'RECRUITER')),
	CONSTRAINT "users_tenant_role_check" CHECK ((role = 'PM_ADMIN') = (tenant_id IS NULL))
);
--> statement-breakpoint
ALTER TABLE "candidate_global_roles" ADD CONSTRAINT "candidate_global_roles_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_global_roles" ADD CONSTRAINT "candidate_global_roles_global_role_id_global_roles_id_fk" FOREIGN KEY ("global_role_id") REFERENCES "public"."global_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_job_matches" ADD CONSTRAINT "candidate_job_matches_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_job_matches" ADD CONSTRAINT "candidate_job_matches_job_posting_id_job_postings_id_fk" FOREIGN KEY ("job_posting_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_job_posting_id_job_postings_id_fk" FOREIGN KEY ("job_posting_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_match_id_candidate_job_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."candidate_job_matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_import_batches" ADD CONSTRAINT "job_import_batches_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_scraped_by_key_id_scraper_api_keys_id_fk" FOREIGN KEY ("scraped_by_key_id") REFERENCES "public"."scraper_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_import_batch_id_job_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."job_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_normalized_role_id_global_roles_id_fk" FOREIGN KEY ("normalized_role_id") REFERENCES "public"."global_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_job_mapping" ADD CONSTRAINT "role_job_mapping_global_role_id_global_roles_id_fk" FOREIGN KEY ("global_role_id") REFERENCES "public"."global_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_job_mapping" ADD CONSTRAINT "role_job_mapping_job_posting_id_job_postings_id_fk" FOREIGN KEY ("job_posting_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_sessions" ADD CONSTRAINT "scrape_sessions_scraper_key_id_scraper_api_keys_id_fk" FOREIGN KEY ("scraper_key_id") REFERENCES "public"."scraper_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_sessions" ADD CONSTRAINT "scrape_sessions_global_role_id_global_roles_id_fk" FOREIGN KEY ("global_role_id") REFERENCES "public"."global_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scraper_api_keys" ADD CONSTRAINT "scraper_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idx_candidate_global_roles_unique" ON "candidate_global_roles" USING btree ("candidate_id","global_role_id");--> statement-breakpoint
CREATE INDEX "idx_candidate_global_roles_role" ON "candidate_global_roles" USING btree ("global_role_id");--> statement-breakpoint
CREATE INDEX "idx_candidate_global_roles_candidate" ON "candidate_global_roles" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_candidate_job_matches_unique" ON "candidate_job_matches" USING btree ("candidate_id","job_posting_id");--> statement-breakpoint
CREATE INDEX "idx_candidate_job_matches_candidate" ON "candidate_job_matches" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "idx_candidate_job_matches_score" ON "candidate_job_matches" USING btree ("candidate_id","match_score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_candidate_job_matches_status" ON "candidate_job_matches" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_candidates_tenant" ON "candidates" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "idx_candidates_status" ON "candidates" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_candidates_email" ON "candidates" USING btree ("email");--> statement-breakpoint
CREATE INDEX "idx_candidates_skills" ON "candidates" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "idx_candidates_preferred_roles" ON "candidates" USING gin ("preferred_roles");--> statement-breakpoint
CREATE INDEX "idx_candidates_embedding" ON "candidates" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "idx_global_roles_embedding" ON "global_roles" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "idx_global_roles_queue" ON "global_roles" USING btree ("queue_status","priority","candidate_count" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_global_roles_name" ON "global_roles" USING btree ("name");--> statement-breakpoint
CREATE INDEX "idx_global_roles_category" ON "global_roles" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_job_applications_unique" ON "job_applications" USING btree ("candidate_id","job_posting_id");--> statement-breakpoint
CREATE INDEX "idx_job_applications_candidate" ON "job_applications" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "idx_job_applications_status" ON "job_applications" USING btree ("application_status");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_job_postings_external" ON "job_postings" USING btree ("platform","external_job_id");--> statement-breakpoint
CREATE INDEX "idx_job_postings_skills" ON "job_postings" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "idx_job_postings_keywords" ON "job_postings" USING gin ("keywords");--> statement-breakpoint
CREATE INDEX "idx_job_postings_embedding" ON "job_postings" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "idx_job_postings_status" ON "job_postings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_job_postings_platform" ON "job_postings" USING btree ("platform");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_role_job_mapping_unique" ON "role_job_mapping" USING btree ("global_role_id","job_posting_id");--> statement-breakpoint
CREATE INDEX "idx_role_job_mapping_role" ON "role_job_mapping" USING btree ("global_role_id");--> statement-breakpoint
CREATE INDEX "idx_role_job_mapping_job" ON "role_job_mapping" USING btree ("job_posting_id");--> statement-breakpoint
CREATE INDEX "idx_scrape_sessions_session" ON "scrape_sessions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "idx_scrape_sessions_scraper_key" ON "scrape_sessions" USING btree ("scraper_key_id");--> statement-breakpoint
CREATE INDEX "idx_scrape_sessions_started" ON "scrape_sessions" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_scrape_sessions_status" ON "scrape_sessions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_scrape_sessions_role" ON "scrape_sessions" USING btree ("global_role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_tenants_slug" ON "tenants" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "idx_users_email" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "idx_users_tenant" ON "users" USING btree ("tenant_id");