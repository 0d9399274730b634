import { parseResume, type ResumeDraft } from '../domain/resume/parse-resume.js';
import { monthNumber } from '../domain/resume/resume-dates.js';
import type { SkillMatcher } from '../domain/skills.js';
import { ExtractionError, extractResumeText, type ResumeFormat } from './extract-text.js';

export interface ReadResume {
  format: ResumeFormat;
  text: string;
  draft: ResumeDraft;
}

/** One resume file → its text and draft. Throws ExtractionError (a per-file message) when it has no text. */
export async function readResume(
  fileName: string,
  bytes: Uint8Array,
  options: { skills: SkillMatcher; now: Date },
): Promise<ReadResume> {
  const { format, text } = await extractResumeText(fileName, bytes);
  const draft = parseResume(text, { skills: options.skills, referenceMonth: monthNumber(options.now) });
  // An invoice or a letter has text but none of what a resume is read for.
  const resumeParts =
    draft.work_history.length + draft.education.length + draft.skills.length + (draft.current_title ? 1 : 0);
  if (resumeParts === 0) {
    throw new ExtractionError(
      'The file does not look like a resume: no job title, work history, education or skills were found in it.',
    );
  }
  return { format, text, draft };
}
