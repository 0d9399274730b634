-- Row-level security everywhere tenant data lives, with policies that name no owner role.
-- System work (migrations, workers, sign-in before a tenant is known) runs as whatever login owns the schema:
-- it is recognised by not being the application role, so a database restored under another owner keeps
-- working. Tenant transactions switch to jobmatch_app and see only the tenant set with
-- set_config('jobmatch.tenant_id', <id>, true).
CREATE FUNCTION jobmatch_system_access() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT current_user <> 'jobmatch_app' $$;
--> statement-breakpoint
DROP POLICY candidates_owner_access ON candidates;
--> statement-breakpoint
CREATE POLICY candidates_system_access ON candidates USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
DROP POLICY candidate_job_matches_owner_access ON candidate_job_matches;
--> statement-breakpoint
CREATE POLICY candidate_job_matches_system_access ON candidate_job_matches USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
DROP POLICY job_applications_owner_access ON job_applications;
--> statement-breakpoint
CREATE POLICY job_applications_system_access ON job_applications USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
DROP POLICY candidate_global_roles_owner_access ON candidate_global_roles;
--> statement-breakpoint
CREATE POLICY candidate_global_roles_system_access ON candidate_global_roles USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
DROP POLICY candidate_status_changes_owner_access ON candidate_status_changes;
--> statement-breakpoint
CREATE POLICY candidate_status_changes_system_access ON candidate_status_changes USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
DROP POLICY job_application_events_owner_access ON job_application_events;
--> statement-breakpoint
CREATE POLICY job_application_events_system_access ON job_application_events USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenants_tenant_isolation ON tenants TO jobmatch_app
  USING (id = jobmatch_current_tenant()) WITH CHECK (id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY tenants_system_access ON tenants USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
-- Users of the tenant only; platform admins (no tenant) are never visible to, nor creatable by, a tenant.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_tenant_isolation ON users TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant())
  WITH CHECK (tenant_id = jobmatch_current_tenant() AND role <> 'PM_ADMIN');
--> statement-breakpoint
CREATE POLICY users_system_access ON users USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_sessions_tenant_isolation ON user_sessions TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM users u WHERE u.id = user_id))
  WITH CHECK (EXISTS (SELECT 1 FROM users u WHERE u.id = user_id));
--> statement-breakpoint
CREATE POLICY user_sessions_system_access ON user_sessions USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE tenant_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenant_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_settings_tenant_isolation ON tenant_settings TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY tenant_settings_system_access ON tenant_settings USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE role_mapping_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE role_mapping_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY role_mapping_reports_tenant_isolation ON role_mapping_reports TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY role_mapping_reports_system_access ON role_mapping_reports USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
-- E-mail addresses are unique within an agency, and among platform admins; agencies cannot learn each
-- other's users by trying an address.
DROP INDEX idx_users_email;
--> statement-breakpoint
CREATE UNIQUE INDEX idx_users_tenant_email ON users USING btree (tenant_id, lower(email)) WHERE tenant_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX idx_users_platform_email ON users USING btree (lower(email)) WHERE tenant_id IS NULL;
--> statement-breakpoint
CREATE INDEX idx_users_email ON users USING btree (lower(email));
--> statement-breakpoint
-- A role whose scrapes keep failing stops at `failed` with its last error, until an admin re-queues it.
ALTER TABLE global_roles ADD COLUMN scrape_failures integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE global_roles ADD COLUMN last_scrape_error text;
--> statement-breakpoint
ALTER TABLE global_roles DROP CONSTRAINT global_roles_queue_status_check;
--> statement-breakpoint
ALTER TABLE global_roles ADD CONSTRAINT global_roles_queue_status_check CHECK (queue_status IN ('pending', 'processing', 'completed', 'failed'));
--> statement-breakpoint
-- A claim retried with the same Idempotency-Key gets the session of the first attempt, not a second role.
ALTER TABLE scrape_sessions ADD COLUMN claim_key varchar(100);
--> statement-breakpoint
CREATE UNIQUE INDEX idx_scrape_sessions_claim_key ON scrape_sessions USING btree (scraper_key_id, claim_key) WHERE claim_key IS NOT NULL;
