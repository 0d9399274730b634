-- Matching performance (docs/decisions/match-performance.md, "Indexes"): every stored pair maintained five
-- b-trees; three of them serve no query.
-- * (candidate_id) is the leading column of the unique (candidate_id, job_posting_id), which answers every
--   lookup by candidate.
-- * (candidate_id, match_score DESC): a candidate holds a bounded list (its best N suggested pairs plus the
--   pairs a recruiter acted on), so the unique index finds all of a candidate's rows and sorting that handful
--   by score costs nothing; no query orders all matches by score within the index's order.
-- * (status) is not selective (almost every row is 'suggested', and `status <> 'suggested'` cannot use it);
--   every query on status also names candidates or jobs.
-- Lookups by job (the candidates storing a job, a job's matches, cascades from job_postings) had no index and
-- scanned the whole table: (job_posting_id) takes their place.
DROP INDEX IF EXISTS idx_candidate_job_matches_candidate;
--> statement-breakpoint
DROP INDEX IF EXISTS idx_candidate_job_matches_score;
--> statement-breakpoint
DROP INDEX IF EXISTS idx_candidate_job_matches_status;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_candidate_job_matches_job ON candidate_job_matches (job_posting_id);
