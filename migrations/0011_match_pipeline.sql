-- Match pipeline state (issue 11): per-candidate refresh bookkeeping and per-tenant list sizes.
-- candidate_match_state.vector_radius is the cosine distance of the candidate's K-th nearest active job at
-- its last full rescore (NULL: fewer than K such jobs, or never rescored). A job closer than that can enter
-- the candidate's vector top-K; vector_only_jobs counts the top-K jobs not linked to the candidate's roles
-- (NULL: never rescored): while it is 0, a role-linked job entering the top-K only adds a due pair.
-- stale_since marks a
-- candidate whose stored matches must be recomputed (set in the transaction of the change, cleared by the
-- rescore that saw it).
CREATE TABLE candidate_match_state (
  candidate_id integer PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
  vector_radius double precision,
  vector_only_jobs integer,
  stale_since timestamptz,
  refreshed_at timestamptz
);
--> statement-breakpoint
CREATE INDEX candidate_match_state_stale_idx ON candidate_match_state (stale_since) WHERE stale_since IS NOT NULL;
--> statement-breakpoint
ALTER TABLE candidate_match_state ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE candidate_match_state FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY candidate_match_state_tenant_isolation ON candidate_match_state TO jobmatch_app
  USING (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id))
  WITH CHECK (EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id));
--> statement-breakpoint
CREATE POLICY candidate_match_state_system_access ON candidate_match_state USING (jobmatch_system_access()) WITH CHECK (jobmatch_system_access());
--> statement-breakpoint
ALTER TABLE tenant_settings ADD COLUMN match_list_size integer CHECK (match_list_size BETWEEN 0 AND 1000);
--> statement-breakpoint
ALTER TABLE tenant_settings ADD COLUMN match_floor numeric(5,2) CHECK (match_floor BETWEEN 0 AND 100);
