import { readFileSync } from 'node:fs';
import {
  type SkillSpecificity,
  type SkillSpecificityFile,
  specificityFromFile,
} from '../domain/scoring/skill-specificity.js';

/** Same depth from `src/skills/` (tsx, vitest) and `dist/skills/` (compiled). */
const TABLE_URL = new URL('../../assets/skill-specificity.json', import.meta.url);

let cached: SkillSpecificity | null = null;

/** The committed skill document-frequency table (scripts/build-skill-specificity.ts), read once per process. */
export function loadSkillSpecificity(): SkillSpecificity {
  if (cached === null) {
    const file = JSON.parse(readFileSync(TABLE_URL, 'utf8')) as SkillSpecificityFile;
    if (!Array.isArray(file.frequency) || !Number.isInteger(file.documents)) {
      throw new Error(`${TABLE_URL.pathname}: needs "documents" and a "frequency" array`);
    }
    cached = specificityFromFile(file);
  }
  return cached;
}
