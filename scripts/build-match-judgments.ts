/**
 * Writes eval/match-judgments.json from the hand labels in eval/match-set.json: one grade (0-2) and its
 * reason for every (resume, posting) pair, by the rule written in the set. Re-run after changing a label:
 *   node --import tsx scripts/build-match-judgments.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Grade, type LabelledSet, loadMatchSet } from './match-set.js';

interface Judgment {
  resume: number;
  posting: string;
  grade: Grade;
  reason: string;
}

const LEVEL_OUT_OF_REACH: Record<string, readonly string[]> = {
  entry: ['lead', 'exec'],
  mid: ['exec'],
  senior: ['intern', 'junior'],
};

function judge(set: LabelledSet): Judgment[] {
  const judgments: Judgment[] = [];
  for (const resume of set.resumes) {
    for (const posting of set.postings) {
      const key = `${posting.source}:${posting.row}`;
      const pair = `resume ${resume.field} (${resume.level}) vs posting ${posting.field} (${posting.level})`;
      let grade: Grade = 0;
      let reason = `unrelated fields: ${pair}`;
      if (resume.field === posting.field) {
        const outOfReach = LEVEL_OUT_OF_REACH[resume.level]?.includes(posting.level) ?? false;
        grade = outOfReach ? 1 : 2;
        reason = outOfReach ? `same field, level out of reach: ${pair}` : `same field: ${pair}`;
      } else if ((set.adjacent[resume.field] ?? []).includes(posting.field)) {
        grade = 1;
        reason = `adjacent fields: ${pair}`;
      } else if (posting.also.includes(resume.field)) {
        grade = 1;
        reason = `posting also fits ${resume.field}: ${pair}`;
      } else if (resume.also.includes(posting.field)) {
        grade = 1;
        reason = `resume also fits ${posting.field}: ${pair}`;
      }
      judgments.push({ resume: resume.id, posting: key, grade, reason });
    }
  }
  return judgments;
}

const set = loadMatchSet();
const judgments = judge(set);
const out = path.resolve(process.cwd(), 'eval/match-judgments.json');
const lines = judgments.filter((j) => j.grade > 0).map((j) => `  ${JSON.stringify(j)}`);
fs.writeFileSync(
  out,
  `{\n"about": "Graded pairs (1-2) of eval/match-set.json, built by scripts/build-match-judgments.ts; every pair not listed is 0 (unrelated fields).",\n"pairs": [\n${lines.join(',\n')}\n]}\n`,
);
const counts = [0, 1, 2].map((g) => judgments.filter((j) => j.grade === g).length);
console.log(`${judgments.length} pairs: ${counts[0]} x 0, ${counts[1]} x 1, ${counts[2]} x 2 -> ${out}`);
