-- Resume intake: the uploaded files (kept with the candidate, deleted with it), the drafts parsed from them that
-- wait for a recruiter's review, and "not a duplicate" decisions between two candidates. Tenant tables, under
-- row-level security like the six tenant tables of 0004.
CREATE TABLE resume_files (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  candidate_id integer REFERENCES candidates(id) ON DELETE CASCADE,
  file_name varchar(255) NOT NULL,
  content_type varchar(100) NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size >= 0),
  sha256 char(64) NOT NULL,
  content bytea NOT NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX idx_resume_files_candidate ON resume_files (candidate_id);
--> statement-breakpoint
CREATE INDEX idx_resume_files_tenant ON resume_files (tenant_id, created_at);
--> statement-breakpoint
CREATE TABLE resume_drafts (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  resume_file_id integer NOT NULL REFERENCES resume_files(id) ON DELETE CASCADE,
  status varchar(20) NOT NULL DEFAULT 'pending_review' CHECK (status IN ('pending_review', 'saved', 'discarded')),
  format varchar(10) NOT NULL,
  extracted_text text NOT NULL,
  draft jsonb NOT NULL,
  candidate_id integer REFERENCES candidates(id) ON DELETE SET NULL,
  created_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  updated_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX idx_resume_drafts_tenant_status ON resume_drafts (tenant_id, status, created_at);
--> statement-breakpoint
CREATE TABLE candidate_duplicate_dismissals (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  candidate_id integer NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  other_candidate_id integer NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  decided_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CHECK (candidate_id < other_candidate_id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX idx_candidate_duplicate_dismissals_pair ON candidate_duplicate_dismissals (candidate_id, other_candidate_id);
--> statement-breakpoint
CREATE INDEX idx_candidates_tenant_phone_digits ON candidates (tenant_id, (regexp_replace(phone, '[^0-9]', '', 'g')));
--> statement-breakpoint
CREATE INDEX idx_candidates_tenant_lower_email ON candidates (tenant_id, lower(email));
--> statement-breakpoint
ALTER TABLE resume_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resume_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY resume_files_tenant_isolation ON resume_files TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant())
  WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY resume_files_system_access ON resume_files USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE resume_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resume_drafts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY resume_drafts_tenant_isolation ON resume_drafts TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant())
  WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY resume_drafts_system_access ON resume_drafts USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE candidate_duplicate_dismissals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidate_duplicate_dismissals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidate_duplicate_dismissals_tenant_isolation ON candidate_duplicate_dismissals TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant())
  WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY candidate_duplicate_dismissals_system_access ON candidate_duplicate_dismissals USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
-- A merge of one candidate into another, undoable for 30 days: what the merged candidate was, which of its rows
-- moved to the kept candidate, and the rows dropped as duplicate pairs (the kept candidate had the same job).
CREATE TABLE candidate_merges (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kept_candidate_id integer NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  merged_candidate_id integer NOT NULL,
  snapshot jsonb NOT NULL,
  merged_by integer REFERENCES users(id) ON DELETE SET NULL,
  merged_at timestamp with time zone NOT NULL DEFAULT now(),
  undone_at timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX idx_candidate_merges_kept ON candidate_merges (kept_candidate_id, merged_at);
--> statement-breakpoint
ALTER TABLE candidate_merges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidate_merges FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidate_merges_tenant_isolation ON candidate_merges TO jobmatch_app
  USING (tenant_id = jobmatch_current_tenant())
  WITH CHECK (tenant_id = jobmatch_current_tenant());
--> statement-breakpoint
CREATE POLICY candidate_merges_system_access ON candidate_merges USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
