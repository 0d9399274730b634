-- The recruiter's day (issue 19): candidate owners, placements, pipeline undo and reopen, per-tenant job
-- closures, alert settings, per-user home and digest preferences, and the in-app inbox.
ALTER TABLE candidates ADD COLUMN owner_user_id integer REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
CREATE INDEX idx_candidates_owner ON candidates (tenant_id, owner_user_id);
--> statement-breakpoint
ALTER TABLE candidates DROP CONSTRAINT candidates_status_check;
--> statement-breakpoint
ALTER TABLE candidates ADD CONSTRAINT candidates_status_check
  CHECK (status IN ('pending_review', 'approved', 'rejected', 'ready_for_assignment', 'placed'));
--> statement-breakpoint
ALTER TABLE job_applications ADD COLUMN review_reason text;
--> statement-breakpoint
ALTER TABLE job_applications ADD COLUMN review_requested_at timestamp with time zone;
--> statement-breakpoint
ALTER TABLE job_application_events ADD COLUMN kind varchar(20) NOT NULL DEFAULT 'move';
--> statement-breakpoint
ALTER TABLE job_application_events ADD CONSTRAINT job_application_events_kind_check
  CHECK (kind IN ('move', 'undo', 'reopen'));
--> statement-breakpoint
ALTER TABLE job_application_events ADD COLUMN undoes_event_id integer
  REFERENCES job_application_events(id) ON DELETE SET NULL;
--> statement-breakpoint
CREATE TABLE placements (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  application_id integer NOT NULL REFERENCES job_applications(id) ON DELETE CASCADE,
  candidate_id integer NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  job_posting_id integer NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
  start_date date NOT NULL,
  currency varchar(3) NOT NULL,
  rate_period varchar(10) NOT NULL,
  pay_rate numeric(12, 2) NOT NULL,
  bill_rate numeric(12, 2),
  fee numeric(12, 2),
  margin numeric(12, 2) NOT NULL,
  margin_percent numeric(7, 2),
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT placements_rate_period_check CHECK (rate_period IN ('hour', 'day', 'week', 'month', 'year')),
  CONSTRAINT placements_amounts_check CHECK (pay_rate >= 0 AND coalesce(bill_rate, 0) >= 0 AND coalesce(fee, 0) >= 0),
  CONSTRAINT placements_bill_rate_or_fee_check CHECK ((bill_rate IS NULL) <> (fee IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX idx_placements_application ON placements (application_id);
--> statement-breakpoint
CREATE INDEX idx_placements_tenant ON placements (tenant_id, created_at);
--> statement-breakpoint
CREATE TABLE tenant_job_closures (
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  job_posting_id integer NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
  reason varchar(200),
  closed_by integer REFERENCES users(id) ON DELETE SET NULL,
  closed_at timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, job_posting_id)
);
--> statement-breakpoint
CREATE TABLE tenant_alert_settings (
  tenant_id integer PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  stage_limit_days integer NOT NULL DEFAULT 7,
  rescore_margin numeric(5, 2) NOT NULL DEFAULT 5,
  updated_by integer REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT tenant_alert_settings_stage_limit_check CHECK (stage_limit_days BETWEEN 1 AND 365),
  CONSTRAINT tenant_alert_settings_margin_check CHECK (rescore_margin BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE user_day_preferences (
  user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  home_seen_at timestamp with time zone,
  digest varchar(10) NOT NULL DEFAULT 'off',
  digest_sent_at timestamp with time zone,
  CONSTRAINT user_day_preferences_digest_check CHECK (digest IN ('off', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE match_announcements (
  candidate_id integer NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  job_posting_id integer NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  announced_score numeric(5, 2) NOT NULL,
  announced_at timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY (candidate_id, job_posting_id)
);
--> statement-breakpoint
CREATE TABLE inbox_entries (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind varchar(40) NOT NULL,
  title varchar(500) NOT NULL,
  detail text,
  link varchar(500),
  candidate_id integer REFERENCES candidates(id) ON DELETE CASCADE,
  job_posting_id integer REFERENCES job_postings(id) ON DELETE CASCADE,
  application_event_id integer REFERENCES job_application_events(id) ON DELETE CASCADE,
  role_mapping_report_id integer REFERENCES role_mapping_reports(id) ON DELETE CASCADE,
  score numeric(5, 2),
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  read_at timestamp with time zone,
  CONSTRAINT inbox_entries_kind_check
    CHECK (kind IN ('match.recommended', 'application.status_changed', 'role_mapping.answered'))
);
--> statement-breakpoint
CREATE INDEX idx_inbox_entries_user ON inbox_entries (user_id, created_at DESC);
--> statement-breakpoint
CREATE INDEX idx_inbox_entries_unread ON inbox_entries (user_id) WHERE read_at IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX idx_inbox_entries_event ON inbox_entries (user_id, application_event_id)
  WHERE application_event_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX idx_inbox_entries_report ON inbox_entries (user_id, role_mapping_report_id)
  WHERE role_mapping_report_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE placements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE placements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY placements_tenant_isolation ON placements TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY placements_system_access ON placements USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE tenant_job_closures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenant_job_closures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_job_closures_tenant_isolation ON tenant_job_closures TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY tenant_job_closures_system_access ON tenant_job_closures USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE tenant_alert_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tenant_alert_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_alert_settings_tenant_isolation ON tenant_alert_settings TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY tenant_alert_settings_system_access ON tenant_alert_settings USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE user_day_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_day_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_day_preferences_tenant_isolation ON user_day_preferences TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY user_day_preferences_system_access ON user_day_preferences USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE match_announcements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE match_announcements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY match_announcements_tenant_isolation ON match_announcements TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY match_announcements_system_access ON match_announcements USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE inbox_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE inbox_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY inbox_entries_tenant_isolation ON inbox_entries TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY inbox_entries_system_access ON inbox_entries USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
CREATE TABLE webhook_endpoints (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  url varchar(2000) NOT NULL,
  description varchar(200),
  events varchar(40)[] NOT NULL,
  secret varchar(100) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT webhook_endpoints_events_check CHECK (
    cardinality(events) > 0 AND events <@ ARRAY['match.recommended', 'application.status_changed',
                                                  'placement.created', 'candidate.created']::varchar[])
);
--> statement-breakpoint
CREATE INDEX idx_webhook_endpoints_tenant ON webhook_endpoints (tenant_id);
--> statement-breakpoint
CREATE TABLE webhook_deliveries (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  endpoint_id integer NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  event_type varchar(40) NOT NULL,
  event_key varchar(100) NOT NULL,
  payload jsonb NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  last_duration_ms integer,
  replay_of integer REFERENCES webhook_deliveries(id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  queued_at timestamp with time zone,
  delivered_at timestamp with time zone,
  CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'retrying', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX idx_webhook_deliveries_event ON webhook_deliveries (endpoint_id, event_key) WHERE replay_of IS NULL;
--> statement-breakpoint
CREATE INDEX idx_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
--> statement-breakpoint
CREATE INDEX idx_webhook_deliveries_undispatched ON webhook_deliveries (tenant_id) WHERE queued_at IS NULL;
--> statement-breakpoint
CREATE TABLE webhook_attempts (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  delivery_id integer NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempted_at timestamp with time zone NOT NULL DEFAULT now(),
  status_code integer,
  duration_ms integer NOT NULL,
  error text,
  response_excerpt text
);
--> statement-breakpoint
CREATE INDEX idx_webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at);
--> statement-breakpoint
ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook_endpoints_tenant_isolation ON webhook_endpoints TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY webhook_endpoints_system_access ON webhook_endpoints USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook_deliveries_tenant_isolation ON webhook_deliveries TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY webhook_deliveries_system_access ON webhook_deliveries USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE webhook_attempts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_attempts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook_attempts_tenant_isolation ON webhook_attempts TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant()) WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY webhook_attempts_system_access ON webhook_attempts USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
