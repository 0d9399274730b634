/**
 * Quality of resume intake on the DataTurks resume set (see resume-eval-set.ts): each resume is turned into a
 * PDF (even rows) or a DOCX (odd rows), read back through intake (text extraction + parsing) and compared
 * with the set's labels. Tuning and held-out halves are reported separately.
 *
 * - current title: the first labelled Designation (the resume's headline), exact after case and spaces;
 * - skills: the dictionary's skills in the labelled Skills spans vs the draft's skills (micro P/R). Strict rule:
 *   the labelled skills are `extract` of each span's text (its context rules apply to the span alone). Label-text
 *   rule (precision only): a predicted skill also counts as correct when its name or an alias (`canonicalize` of a
 *   run of 1-4 words of a span) is in the labelled Skills text, e.g. "Excel" alone in a span, which `extract`
 *   rejects without context. Recall is always against the strict set;
 * - total years: within one year of the labelled Years of Experience (where labelled), for the draft's total
 *   (the resume's own statement when it has one, else the history) and for the history alone; "Present" is the
 *   set's collection time, taken as January 2019 (its latest job dates are in 2018);
 * - companies / colleges: labelled Companies worked at / College Name vs the draft's employers / institutions
 *   (a match when one contains the other after normalisation);
 * - current employer: the draft's current employer is one of the labelled Companies worked at (same rule), over
 *   the resumes with such a label; "of those given" leaves out resumes where the draft has none;
 * - e-mail / phone: the generated contact line, exact (E.164 for the phone).
 *
 * Run: npm run eval:intake
 */

import { ExtractionError } from '../src/intake/extract-text.js';
import { readResume } from '../src/intake/read-resume.js';
import { loadSkillMatcher } from '../src/skills/skill-dictionary.loader.js';
import { docxFromText, pdfFromText } from '../test/support/resume-files.js';
import { loadResumeCases, type ResumeCase } from './resume-eval-set.js';

const SET_TIME = new Date(Date.UTC(2019, 0, 15));

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();

interface Tally {
  cases: number;
  unreadable: number;
  titleCases: number;
  titleExact: number;
  skillTp: number;
  skillTextTp: number;
  skillPredicted: number;
  skillGold: number;
  yearsCases: number;
  yearsWithinOne: number;
  historyYearsWithinOne: number;
  companyTp: number;
  companyPredicted: number;
  companyGold: number;
  companyFound: number;
  employerCases: number;
  employerPredicted: number;
  employerCorrect: number;
  collegeTp: number;
  collegePredicted: number;
  collegeGold: number;
  collegeFound: number;
  emailExact: number;
  phoneExact: number;
}

const emptyTally = (): Tally => ({
  cases: 0,
  unreadable: 0,
  titleCases: 0,
  titleExact: 0,
  skillTp: 0,
  skillTextTp: 0,
  skillPredicted: 0,
  skillGold: 0,
  yearsCases: 0,
  yearsWithinOne: 0,
  historyYearsWithinOne: 0,
  companyTp: 0,
  companyPredicted: 0,
  companyGold: 0,
  companyFound: 0,
  employerCases: 0,
  employerPredicted: 0,
  employerCorrect: 0,
  collegeTp: 0,
  collegePredicted: 0,
  collegeGold: 0,
  collegeFound: 0,
  emailExact: 0,
  phoneExact: 0,
});

/** Labelled "6.8 years", "15 Months", "2+ years" as years. */
function labelledYears(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*\+?\s*(years?|yrs?|months?)/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return /^m/i.test(match[2]!) ? value / 12 : value;
}

const contains = (a: string, b: string) => a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));

function compareSets(gold: string[], predicted: string[]) {
  const goldSet = [...new Set(gold.map(normal).filter(Boolean))];
  const predictedSet = [...new Set(predicted.map(normal).filter(Boolean))];
  const tp = predictedSet.filter((value) => goldSet.some((label) => contains(label, value))).length;
  const found = goldSet.filter((label) => predictedSet.some((value) => contains(label, value))).length;
  return { tp, predicted: predictedSet.length, gold: goldSet.length, found };
}

async function evaluate(item: ResumeCase, tally: Tally, skills: ReturnType<typeof loadSkillMatcher>) {
  tally.cases++;
  const bytes = item.index % 2 === 0 ? await pdfFromText(item.text) : await docxFromText(item.text);
  let read: Awaited<ReturnType<typeof readResume>>;
  try {
    read = await readResume(item.index % 2 === 0 ? 'resume.pdf' : 'resume.docx', bytes, {
      skills,
      now: SET_TIME,
    });
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    tally.unreadable++;
    return;
  }
  const { draft } = read;
  const headline = item.spans.find((span) => span.label === 'Designation');
  if (headline) {
    tally.titleCases++;
    if (draft.current_title && normal(draft.current_title.value) === normal(headline.text))
      tally.titleExact++;
  }
  const skillSpans = item.labels.get('Skills');
  if (skillSpans) {
    const gold = new Set(skillSpans.flatMap((span) => skills.extract(span)));
    const predicted = new Set(draft.skills.map((skill) => skill.name));
    tally.skillGold += gold.size;
    tally.skillPredicted += predicted.size;
    tally.skillTp += [...predicted].filter((name) => gold.has(name)).length;
    const inText = new Set(gold);
    for (const span of skillSpans) {
      const words = span.split(/[\s,;|()•:]+/).filter(Boolean);
      words.forEach((_word, start) => {
        for (let end = start + 1; end <= Math.min(words.length, start + 4); end++) {
          const name = skills.canonicalize(words.slice(start, end).join(' '));
          if (name) inText.add(name);
        }
      });
    }
    tally.skillTextTp += [...predicted].filter((name) => inText.has(name)).length;
  }
  const yearsLabel = item.labels
    .get('Years of Experience')
    ?.map(labelledYears)
    .find((value) => value !== null);
  if (yearsLabel !== undefined && yearsLabel !== null) {
    tally.yearsCases++;
    const years = draft.total_experience_years?.value;
    if (years !== undefined && Math.abs(years - yearsLabel) <= 1) tally.yearsWithinOne++;
    const historyYears = draft.history_experience_years?.value;
    if (historyYears !== undefined && Math.abs(historyYears - yearsLabel) <= 1) tally.historyYearsWithinOne++;
  }
  const companies = compareSets(
    item.labels.get('Companies worked at') ?? [],
    draft.work_history.flatMap((entry) => (entry.employer ? [entry.employer.value] : [])),
  );
  tally.companyTp += companies.tp;
  tally.companyPredicted += companies.predicted;
  tally.companyGold += companies.gold;
  tally.companyFound += companies.found;
  const companyLabels = (item.labels.get('Companies worked at') ?? []).map(normal).filter(Boolean);
  if (companyLabels.length > 0) {
    tally.employerCases++;
    const employer = draft.current_employer ? normal(draft.current_employer.value) : '';
    if (employer !== '') tally.employerPredicted++;
    if (companyLabels.some((label) => contains(label, employer))) tally.employerCorrect++;
  }
  const colleges = compareSets(
    item.labels.get('College Name') ?? [],
    draft.education.flatMap((entry) => (entry.institution ? [entry.institution.value] : [])),
  );
  tally.collegeTp += colleges.tp;
  tally.collegePredicted += colleges.predicted;
  tally.collegeGold += colleges.gold;
  tally.collegeFound += colleges.found;
  if (draft.email?.value === item.email) tally.emailExact++;
  if (draft.phone?.value === item.phone) tally.phoneExact++;
}

const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));
const percent = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} % (${a}/${b})`);

function report(name: string, tally: Tally) {
  console.log(`\n${name}: ${tally.cases} resumes (${tally.unreadable} unreadable)`);
  console.log(`  current title exact        ${percent(tally.titleExact, tally.titleCases)}`);
  console.log(
    `  skills                     precision ${ratio(tally.skillTp, tally.skillPredicted)}  recall ${ratio(tally.skillTp, tally.skillGold)}`,
  );
  console.log(`    label-text rule          precision ${ratio(tally.skillTextTp, tally.skillPredicted)}`);
  console.log(`  total years within 1 year  ${percent(tally.yearsWithinOne, tally.yearsCases)}`);
  console.log(`    from the history alone   ${percent(tally.historyYearsWithinOne, tally.yearsCases)}`);
  console.log(
    `  companies                  precision ${ratio(tally.companyTp, tally.companyPredicted)}  recall ${ratio(tally.companyFound, tally.companyGold)}`,
  );
  console.log(
    `  current employer           ${percent(tally.employerCorrect, tally.employerCases)} correct, ${percent(tally.employerCorrect, tally.employerPredicted)} of those given`,
  );
  console.log(
    `  colleges                   precision ${ratio(tally.collegeTp, tally.collegePredicted)}  recall ${ratio(tally.collegeFound, tally.collegeGold)}`,
  );
  console.log(`  e-mail exact               ${percent(tally.emailExact, tally.cases - tally.unreadable)}`);
  console.log(`  phone exact (E.164)        ${percent(tally.phoneExact, tally.cases - tally.unreadable)}`);
}

const skills = loadSkillMatcher();
const cases = loadResumeCases();
const only = process.argv.includes('--tuning') ? 'tuning' : null;
const tuning = emptyTally();
const heldOut = emptyTally();
for (const item of cases) {
  if (only === 'tuning' && item.heldOut) continue;
  await evaluate(item, item.heldOut ? heldOut : tuning, skills);
}
report('tuning half', tuning);
if (only === null) report('held-out half', heldOut);
