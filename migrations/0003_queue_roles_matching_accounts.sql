CREATE TABLE "candidate_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"from_status" varchar(50),
	"to_status" varchar(50) NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_application_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"from_status" varchar(50),
	"to_status" varchar(50) NOT NULL,
	"changed_by" integer,
	"note" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_mapping_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"candidate_id" integer,
	"input_text" varchar(200) NOT NULL,
	"global_role_id" integer,
	"suggested_role_name" varchar(255),
	"note" text,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"reported_by" integer,
	"resolved_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "role_mapping_reports_status_check" CHECK (status IN ('open', 'resolved', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "tenant_settings" (
	"tenant_id" integer PRIMARY KEY NOT NULL,
	"weight_skill" numeric(4, 3) DEFAULT 0.35 NOT NULL,
	"weight_experience" numeric(4, 3) DEFAULT 0.15 NOT NULL,
	"weight_location" numeric(4, 3) DEFAULT 0.15 NOT NULL,
	"weight_salary" numeric(4, 3) DEFAULT 0.1 NOT NULL,
	"weight_semantic" numeric(4, 3) DEFAULT 0.25 NOT NULL,
	"recommend_threshold" numeric(5, 2) DEFAULT 70 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "tenant_settings_weights_check" CHECK (abs(weight_skill + weight_experience + weight_location + weight_salary + weight_semantic - 1) < 0.0005
          AND least(weight_skill, weight_experience, weight_location, weight_salary, weight_semantic) >= 0),
	CONSTRAINT "tenant_settings_threshold_check" CHECK (recommend_threshold BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" varchar(64),
	"user_agent" text
);
--> statement-breakpoint
ALTER TABLE "candidate_global_roles" ADD COLUMN "input_text" varchar(200);--> statement-breakpoint
ALTER TABLE "candidate_global_roles" ADD COLUMN "match_method" varchar(20);--> statement-breakpoint
ALTER TABLE "candidate_global_roles" ADD COLUMN "confidence" real;--> statement-breakpoint
ALTER TABLE "candidate_job_matches" ADD COLUMN "scoring_version" varchar(40);--> statement-breakpoint
ALTER TABLE "candidate_job_matches" ADD COLUMN "improvements" jsonb DEFAULT '[]'::jsonb;--> statement-breakpoint
ALTER TABLE "scrape_sessions" ADD COLUMN "jobs_failed" integer DEFAULT 0;--> statement-breakpoint
ALTER TABLE "scrape_sessions" ADD COLUMN "completion_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "scrape_sessions" ADD COLUMN "completion_result" jsonb;--> statement-breakpoint
ALTER TABLE "candidate_status_changes" ADD CONSTRAINT "candidate_status_changes_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_status_changes" ADD CONSTRAINT "candidate_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application_events" ADD CONSTRAINT "job_application_events_application_id_job_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."job_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application_events" ADD CONSTRAINT "job_application_events_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_reports" ADD CONSTRAINT "role_mapping_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_reports" ADD CONSTRAINT "role_mapping_reports_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_reports" ADD CONSTRAINT "role_mapping_reports_global_role_id_global_roles_id_fk" FOREIGN KEY ("global_role_id") REFERENCES "public"."global_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_reports" ADD CONSTRAINT "role_mapping_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_mapping_reports" ADD CONSTRAINT "role_mapping_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_candidate_status_changes_candidate" ON "candidate_status_changes" USING btree ("candidate_id","changed_at");--> statement-breakpoint
CREATE INDEX "idx_job_application_events_application" ON "job_application_events" USING btree ("application_id","changed_at");--> statement-breakpoint
CREATE INDEX "idx_role_mapping_reports_status" ON "role_mapping_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "idx_role_mapping_reports_tenant" ON "role_mapping_reports" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "idx_user_sessions_user" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_user_sessions_expires" ON "user_sessions" USING btree ("expires_at");