-- The candidate's current employer (docs/decisions/resume-intake.md, "Employer"): read from a resume's latest
-- job or typed by the recruiter; used by the duplicate rule "a close name with the same employer".
ALTER TABLE candidates ADD COLUMN current_employer varchar(200);
