-- Row-level security on tenant data (defense in depth behind the tenant filters of the repositories).
-- The application role `jobmatch_app` (no superuser, no BYPASSRLS) sees only the rows of the tenant set for the
-- current transaction with set_config('jobmatch.tenant_id', <id>, true); with no tenant set it sees nothing.
-- The migrating owner keeps an explicit all-rows policy: it runs the system work across tenants (migrations,
-- matching workers, role counts) and, with FORCE ROW LEVEL SECURITY, would otherwise be filtered as well.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobmatch_app') THEN
    CREATE ROLE jobmatch_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO jobmatch_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO jobmatch_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO jobmatch_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jobmatch_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO jobmatch_app;
--> statement-breakpoint
CREATE FUNCTION jobmatch_current_tenant() RETURNS integer
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('jobmatch.tenant_id', true), '')::integer $$;
--> statement-breakpoint
ALTER TABLE candidates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidates_tenant_isolation ON candidates TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant())
  WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY candidates_owner_access ON candidates TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE candidate_job_matches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidate_job_matches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidate_job_matches_tenant_isolation ON candidate_job_matches TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id))
  WITH CHECK (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id));
--> statement-breakpoint
CREATE POLICY candidate_job_matches_owner_access ON candidate_job_matches TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE job_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_applications_tenant_isolation ON job_applications TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id))
  WITH CHECK (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id));
--> statement-breakpoint
CREATE POLICY job_applications_owner_access ON job_applications TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE candidate_global_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidate_global_roles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidate_global_roles_tenant_isolation ON candidate_global_roles TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id))
  WITH CHECK (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id));
--> statement-breakpoint
CREATE POLICY candidate_global_roles_owner_access ON candidate_global_roles TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE candidate_status_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidate_status_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidate_status_changes_tenant_isolation ON candidate_status_changes TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id))
  WITH CHECK (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id));
--> statement-breakpoint
CREATE POLICY candidate_status_changes_owner_access ON candidate_status_changes TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE job_application_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_application_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_application_events_tenant_isolation ON job_application_events TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM job_applications a WHERE a.id = application_id))
  WITH CHECK (EXISTS (SELECT 1 FROM job_applications a WHERE a.id = application_id));
--> statement-breakpoint
CREATE POLICY job_application_events_owner_access ON job_application_events TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Role counts span every tenant: the application role, which sees only its tenant's links, recounts through
-- this function that runs with the owner's rights.
CREATE FUNCTION jobmatch_recount_role_candidates(role_ids integer[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    UPDATE global_roles g
       SET candidate_count = (SELECT count(*) FROM candidate_global_roles l WHERE l.global_role_id = g.id),
           updated_at = now()
     WHERE g.id = ANY (role_ids)
  $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jobmatch_recount_role_candidates(integer[]) TO jobmatch_app;
