-- Tenant API keys (issue 19): agency admins create read or write keys for the recruiter API. They live in
-- scraper_api_keys beside the scraper keys, so one storage, lookup, counting, revocation and rotation path
-- serves both; a key with a tenant is a tenant key, one without is a scraper key.
ALTER TABLE scraper_api_keys ADD COLUMN tenant_id integer REFERENCES tenants(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE scraper_api_keys ADD COLUMN scope varchar(10);
--> statement-breakpoint
ALTER TABLE scraper_api_keys ADD CONSTRAINT scraper_api_keys_scope_check
  CHECK ((tenant_id IS NULL AND scope IS NULL) OR (tenant_id IS NOT NULL AND scope IN ('read', 'write')));
--> statement-breakpoint
CREATE INDEX idx_scraper_api_keys_tenant ON scraper_api_keys (tenant_id) WHERE tenant_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE scraper_api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scraper_api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scraper_api_keys_tenant_isolation ON scraper_api_keys TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY scraper_api_keys_system_access ON scraper_api_keys USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
