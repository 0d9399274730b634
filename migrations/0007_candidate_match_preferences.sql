-- Candidate preferences the scoring reads (docs/decisions.md, "Candidate match preferences"): how they work
-- (remote / hybrid / onsite), which employment types they take (permanent, contract, c2c, w2, 1099), their
-- hourly rate (as typed, parsed like expected_salary), and whether they would relocate. Empty = not stated.
ALTER TABLE candidates ADD COLUMN work_modes varchar(10)[] DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE candidates ADD COLUMN employment_types varchar(20)[] DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE candidates ADD COLUMN expected_hourly_rate varchar(100);
--> statement-breakpoint
ALTER TABLE candidates ADD COLUMN open_to_relocation boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE candidates ADD CONSTRAINT candidates_work_modes_check
  CHECK (work_modes <@ ARRAY['remote', 'hybrid', 'onsite']::varchar[]);
--> statement-breakpoint
ALTER TABLE candidates ADD CONSTRAINT candidates_employment_types_check
  CHECK (employment_types <@ ARRAY['permanent', 'contract', 'c2c', 'w2', '1099']::varchar[]);
