-- JobSpy descriptions are markdownify output, which escapes every `*`, `_` (and other Markdown punctuation) the
-- employer typed; files read before the import honoured JobSpy's CSV escape character hold them doubled
-- ("\\*\\*Overview\\*\\*"). The import now stores such text as the employer typed it ("**Overview**",
-- `unescapeMarkdown` in src/domain/jobs/column-mapping.ts) and the web app renders it as Markdown. This applies
-- the same expression to the rows stored before: a run of backslashes before ASCII punctuation becomes the
-- punctuation, in descriptions and requirements that carry markdownify's signature (an escaped `*` or `_`).
-- A re-import of the same file then finds these rows unchanged.
UPDATE job_postings
SET description = regexp_replace(description, '\\+([\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])', '\1', 'g')
WHERE description ~ '\\[*_]';
--> statement-breakpoint
UPDATE job_postings
SET requirements = regexp_replace(requirements, '\\+([\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e])', '\1', 'g')
WHERE requirements ~ '\\[*_]';
