import { readFileSync } from 'node:fs';
import { createSkillMatcher, type SkillEntry, type SkillMatcher } from '../domain/skills.js';

/** Same depth from `src/skills/` (tsx, vitest) and `dist/skills/` (compiled). */
const DICTIONARY_URL = new URL('../../assets/skill-dictionary.json', import.meta.url);

interface SkillDictionaryFile {
  source: string;
  skills: SkillEntry[];
}

let cached: SkillMatcher | null = null;

export function loadSkillEntries(): SkillEntry[] {
  const file = JSON.parse(readFileSync(DICTIONARY_URL, 'utf8')) as SkillDictionaryFile;
  if (!Array.isArray(file.skills)) throw new Error(`${DICTIONARY_URL.pathname}: missing "skills" array`);
  return file.skills;
}

/** The skill matcher over the committed dictionary, built once per process. */
export function loadSkillMatcher(): SkillMatcher {
  cached ??= createSkillMatcher(loadSkillEntries());
  return cached;
}
