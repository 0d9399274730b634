/**
 * Years of experience required by a job, read from a dedicated field ("5+ years") or a full description.
 *
 * Rules:
 * - A phrase counts when it mentions experience ("3-5 years of relevant experience", "Experience: 5 years",
 *   "Python (2+ years)", Indeed's "Java: 3 years (Required)"). Only when a text has no such phrase do
 *   requirement-shaped phrases without the word count ("5+ years in data engineering", "3-5 yrs",
 *   "minimum of 7 years"). A bare "N years" without experience context never counts, and neither do
 *   durations ("over 30 years in business", "founded 25 years ago", "18 years of age", "a 5-year plan",
 *   "in the last 5 years"). A short text (a dedicated field) is taken as experience context by itself.
 * - Several requirements ("5+ years Python, 3+ years AWS", "BS with 5 years or MS with 3 years") give the
 *   largest minimum: the bar that covers every listed requirement. Its phrase supplies experience_max.
 * - "5+ years" and "minimum of 5 years" have no maximum; "up to 2 years" has no minimum.
 * - The columns are integers: months and decimals round the minimum down and the maximum up, so
 *   "6 months" is 0 and "18 months" is 1 (a candidate with half a year is not excluded by a six-month
 *   requirement). Values above 50 years are absurd and ignored.
 * - Who has the years: the subject word nearest before the phrase decides ("our company has 20 years of
 *   experience" is the employer's; "we need someone with 5 years" a requirement). "With over 45 years of
 *   experience, DTCC is ..." introduces the employer; "3+ years of experience, we mostly use Python" does not.
 * - Lengths of other things are not experience: "6-month contract", "12 month FTC", "a 3-year plan", "5 years
 *   of UK residency" (unless experience follows in the clause: "5 years of contract experience").
 * - "2-years of experience" is a count; a hyphenated singular "one-year" is an adjective unless experience
 *   follows in its clause. A bullet holding only "2+ years" is a listed requirement.
 */

import { separateGluedWords } from './glued-words.js';
import { NUMBER_WORD_PATTERN, parseSmallNumber } from './number-words.js';

export interface ExperienceParse {
  experience_min: number | null;
  experience_max: number | null;
  /** The matched phrase, whitespace collapsed, at most 100 characters. */
  experience_required: string | null;
}

export const EMPTY_EXPERIENCE: Readonly<ExperienceParse> = Object.freeze({
  experience_min: null,
  experience_max: null,
  experience_required: null,
});

const MAX_PLAUSIBLE_YEARS = 50;
const MAX_PHRASE_LENGTH = 100;
/** Texts this short are a dedicated experience field, not a description. */
const DEDICATED_FIELD_LENGTH = 60;
const CONTEXT_WINDOW = 80;

const number = (name: string) =>
  `(?<${name}>\\d{1,3}(?:\\.\\d+)?|${NUMBER_WORD_PATTERN})(?:\\s*\\(\\s*(?<${name}Digits>\\d{1,3})\\s*\\))?`;

const PHRASE_RE = new RegExp(
  [
    String.raw`(?<qualifier>(?:\b(?:a\s+)?(?:minimum(?:\s+of)?|min\.?|at\s*least|no\s+less\s+than|not\s+less\s+than|upwards\s+of|over|more\s+than|greater\s+than|in\s+excess\s+of|up\s+to|less\s+than|fewer\s+than|under|no\s+more\s+than|not\s+more\s+than|max(?:imum)?(?:\s+of)?|between)|[>≥<≤])\s*)?`,
    String.raw`(?:(?<![\d,])(?<!\d\.)(?=\d)|\b(?=[a-z]))${number('low')}\s*(?<lowPlus>\+|plus\b)?`,
    String.raw`(?:\s*(?:-|–|—|to|or|and)\s*${number('high')}\s*\+?)?`,
    String.raw`(?<orMore>\s+or\s+(?:more|greater))?`,
    String.raw`\s*(?<hyphen>-\s*)?(?<unit>years?|yrs?|months?|mos?)\b(?:['’]s?|s['’])?`,
    String.raw`(?<suffix>\s*(?:\+|or\s+more\b|or\s+greater\b|or\s+longer\b|minimum\b|at\s+minimum\b))?`,
  ].join(''),
  'gi',
);

const EXPERIENCE_WORD_RE = /\b(?:experience[ds]?|exp\b|expertise)/i;
const REQUIRED_TAG_RE = /^\s*\(\s*(?:required|preferred)\s*\)/i;
/** "3 years in a CLIA lab required": the clause states a requirement without the word experience. */
const REQUIRED_WORD_RE = /\b(?:required|preferred)\b/i;
/** "Experience: 5 years", "Experience - 2-4 years", "Python experience (3+ years)", "experience of 3 years". */
const EXPERIENCE_LABEL_BEFORE_RE =
  /\bexperience\b(?:\s*(?:required|level|needed))?\s*(?:[:\-–(]|of|,)\s*$|\bexperience\b[^.;\n]{0,40}\(\s*$/i;
const DURATION_AFTER_RE =
  /^\s*(?:old\b|of\s+age\b|or\s+older\b|ago\b|young\b|in\s+(?:business|operation)\b(?!\s+(?:intelligence|analy|development|systems|process|operations|administration|management))|in\s+(?:a\s+row|our\s+(?:field|industry))\b|running\b|and\s+counting\b|heritage\b|history\b|legacy\b|track\s+record\b|of\s+(?:history|success|service|growth|excellence|operation|innovation|existence|heritage)\b)/i;
const DURATION_BEFORE_RE =
  /\b(?:in|within|first|last|past|next|every|after|since|founded|established)\s+(?:the\s+)?$|\b(?:duration|length|contract|assignment|term|tenure)\s*[:\-–]\s*(?:initial(?:ly)?\s+)?$|\b(?:we['’]ve|we\s+have|leveraging|boasts?)\b[^.;\n]*$|\b(?:combining|leveraging|boasting|drawing\s+on|backed\s+by|built\s+on)\s+(?:over\s+|nearly\s+|almost\s+|more\s+than\s+)?$/i;
/** "6-month contract", "12 month FTC", "a 3-year plan": the length of the job or of something else. */
const TERM_AFTER_RE =
  /^\s*(?!of\b)(?:[\w-]+\s+){0,2}?(?:contract|project|assignment|engagement|ftc|fixed[\s-]term|temporary|internship|placement|secondment|probation\w*|extension|maternity|rolling|initially|period|programme|roadmap|plan|strategy|vision|look[\s-]?ahead|forecasts?|reserve\s+list)|^\s*(?:[\w-]+\s+){0,3}?(?:residen\w*|citizenship)\b/i;
const EXPERIENCE_SOON_AFTER_RE = /^[^.;\n]{0,30}?\b(?:experience|exp\b)/i;
/** "With over 45 years of experience, DTCC is ...": an introduction describing the employer. */
const EMPLOYER_INTRO_AFTER_RE =
  /\bexperience\s*,\s*(?:we\b|our\b|(?:[A-Z][\w&.’'-]*\s+){1,4}(?:is|has|was|are|have|provides|offers|delivers)\b)/;
/** Introductions of the employer's own years ("With over 45 years of experience, ..."). */
const INTRO_BEFORE_RE = /\b(?:with|for|having|boasting|bringing|after)\s*$/i;
/**
 * Words naming who has the years. The one nearest the phrase decides: "our company has 20 years of
 * experience" is the employer's; "we need someone with 5 years" and "our client requires 5 years" are a
 * requirement.
 */
const SUBJECT_RE =
  /\b(?:(?<employer>we|our|us|organi[sz]ation|company|firm|its|their|collective|combined|cumulative)|(?<candidate>you|your|candidates?|applicants?|individuals?|someone|person|must|should|requir\w*|seek\w*|looking|ideal|preferred|minimum|at\s+least|need(?:s|ed)?|wants?|expect\w*|hir(?:e|ing)))\b/gi;
/** "up to 2 years", "less than 2 years", "maximum 3 years": a ceiling, no minimum. */
const MAX_ONLY_QUALIFIER_RE =
  /^(?:up\s+to|less\s+than|fewer\s+than|under|no\s+more\s+than|not\s+more\s+than|max(?:imum)?|[<≤])/i;
const REQUIREMENT_QUALIFIER_RE = /^(?:a\s+)?(?:minimum|min|at\s*least|no\s+less|not\s+less|upwards)/i;
/** A sentence ends at a line, bullet or semicolon, or a full stop that does not close a one-letter abbreviation ("M.S. degree"). */
const SENTENCE_END_RE = /[\n;•]|(?<!(?:^|[\s.(])\p{L})\.\s/u;

interface Candidate {
  min: number | null;
  max: number | null;
  phrase: string;
  mentionsExperience: boolean;
}

/** Words linking the employer to the years: "our company has 20", "we bring over 20", "our 20 years". */
const EMPLOYER_LINK_RE =
  /\b(?:has|have|had|having|with|bring\w*|boast\w*|offer\w*|combin\w*|over|for|spanning|of|across|built|gained|accumulated|is|are|been|nearly|almost|more|than)\b/i;

/**
 * The subject word nearest before the phrase names the employer and is linked to the years. "US Citizen"
 * is the country; "algorithms and their practical applications 2+ years of experience" links no employer
 * to the years (a list item lost its line break).
 */
const MAX_EMPLOYER_LINK_WORDS = 6;

/**
 * "Health IQ spent 6+ years gathering the science": years spent by a named subject are its history; "you
 * have spent 5+ years in data" is the candidate's.
 */
function someoneElseSpentTheYears(before: string): boolean {
  if (
    !/\b(?:spent|spending|invested|devoted)\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?$/i.test(before)
  ) {
    return false;
  }
  return [...before.matchAll(SUBJECT_RE)].at(-1)?.groups?.candidate === undefined;
}

function employerHasTheYears(before: string): boolean {
  const subject = [...before.matchAll(SUBJECT_RE)].at(-1);
  if (subject?.groups?.employer === undefined) return false;
  if (subject[0] === 'US') return false;
  const gap = before.slice(subject.index + subject[0].length);
  // "we consider essential for the role: 3-6 years": a label introduces the requirement.
  if (/[:]/.test(gap)) return false;
  const words = gap.trim() === '' ? 0 : gap.trim().split(/\s+/).length;
  return words <= 1 || (words <= MAX_EMPLOYER_LINK_WORDS && EMPLOYER_LINK_RE.test(gap));
}

function numberFromGroups(groups: Record<string, string | undefined>, name: string): number | null {
  const digits = groups[`${name}Digits`];
  const token = digits ?? groups[name];
  return token === undefined ? null : parseSmallNumber(token);
}

function clauseAfter(text: string, index: number): string {
  const window = text.slice(index, index + CONTEXT_WINDOW);
  const end = window.search(SENTENCE_END_RE);
  return end >= 0 ? window.slice(0, end) : window;
}

function clauseBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - CONTEXT_WINDOW), index);
  const starts = [...window.matchAll(new RegExp(SENTENCE_END_RE.source, 'gu'))];
  const last = starts[starts.length - 1];
  return last === undefined ? window : window.slice(last.index + last[0].length);
}

/**
 * "Qualifications 10 years managing complex projects": years followed by what the candidate did are a
 * requirement; "for 20 years providing services" (a preposition before) is a history.
 */
function isYearsDoing(after: string, before: string): boolean {
  return (
    /^\s*(?:of\s+)?(?!during\b|bring\w*\b|spring\b|string\b|thing\b|king\b)[a-z]{3,}ing\b/i.test(after) &&
    !/\b(?:for|over|with|in|since|than|nearly|almost|about|around|spent|spend)\s*$/i.test(before)
  );
}

/** A line or bullet holding nothing but the phrase ("• 2+ years") lists a requirement. */
function isBareListItem(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('•', start - 1)) + 1;
  const nextBreak = text.slice(end).search(/[\n•]/);
  const lineEnd = nextBreak < 0 ? text.length : end + nextBreak;
  return /^[\s\-*–·+]*$/.test(text.slice(lineStart, start)) && /^[\s.;,)]*$/.test(text.slice(end, lineEnd));
}

function toCandidate(text: string, match: RegExpExecArray, isDedicatedField: boolean): Candidate | null {
  const groups = match.groups ?? {};
  const low = numberFromGroups(groups, 'low');
  if (low === null) return null;
  const high = groups.high === undefined ? null : numberFromGroups(groups, 'high');
  const end = match.index + match[0].length;
  const after = clauseAfter(text, end);
  const before = clauseBefore(text, match.index);
  if (DURATION_AFTER_RE.test(after) || DURATION_BEFORE_RE.test(before)) return null;
  const yearsDoing = isYearsDoing(after, before);
  if (TERM_AFTER_RE.test(after) && !EXPERIENCE_SOON_AFTER_RE.test(after) && !yearsDoing) return null;
  if (
    EMPLOYER_INTRO_AFTER_RE.test(after) &&
    INTRO_BEFORE_RE.test(before.replace(/\s*$/, '').replace(/\b(?:over|nearly|almost|more\s+than)$/i, '')) &&
    groups.lowPlus === undefined
  ) {
    return null;
  }
  if (employerHasTheYears(before) || someoneElseSpentTheYears(before)) return null;

  const experienceAfter = after.match(EXPERIENCE_WORD_RE);
  // "a 5-year plan": a hyphenated singular year is an adjective unless experience follows in the clause
  // ("one-year data entry experience"); "2-years of experience" is a plain count.
  if (
    groups.hyphen !== undefined &&
    /^(?:year|yr|month|mo)$/i.test(groups.unit ?? '') &&
    !/^\s*(?:[\w/-]+\s+){0,6}?(?:experience|exp\b)/i.test(after)
  ) {
    return null;
  }
  const mentionsExperience =
    isDedicatedField ||
    isBareListItem(text, match.index, end) ||
    experienceAfter !== null ||
    REQUIRED_TAG_RE.test(after) ||
    EXPERIENCE_LABEL_BEFORE_RE.test(before);
  const qualifier = groups.qualifier?.trim() ?? '';
  const isRequirementShaped =
    high !== null ||
    groups.lowPlus !== undefined ||
    groups.orMore !== undefined ||
    groups.suffix !== undefined ||
    REQUIRED_WORD_RE.test(after) ||
    REQUIREMENT_QUALIFIER_RE.test(qualifier);
  // "6 months+", "6-12 months ahead", "First 3-6 Months": a months phrase without the word is a timeline.
  const inMonths = /^mo/i.test(groups.unit ?? '');
  if (!mentionsExperience && (inMonths || !(isRequirementShaped || yearsDoing))) return null;

  const perYear = /^mo/i.test(groups.unit ?? '') ? 12 : 1;
  const [first, second] = high !== null && high < low ? [high, low] : [low, high];
  const maxOnly = MAX_ONLY_QUALIFIER_RE.test(qualifier);
  const min = maxOnly ? null : Math.floor(first / perYear);
  const max = second !== null ? Math.ceil(second / perYear) : maxOnly ? Math.ceil(first / perYear) : null;
  if ((min ?? 0) > MAX_PLAUSIBLE_YEARS || (max ?? 0) > MAX_PLAUSIBLE_YEARS) return null;

  const phraseEnd =
    experienceAfter?.index === undefined ? end : end + experienceAfter.index + experienceAfter[0].length;
  const phrase = text
    .slice(match.index, phraseEnd)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_PHRASE_LENGTH)
    .trim();
  return { min, max, phrase, mentionsExperience };
}

/** The candidate with the largest minimum; the earliest one on ties. */
function mostDemanding(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of candidates) {
    if (best === null || (candidate.min ?? 0) > (best.min ?? 0)) best = candidate;
  }
  return best;
}

export function parseExperience(raw: string | null | undefined): ExperienceParse {
  if (typeof raw !== 'string' || raw.trim() === '') return { ...EMPTY_EXPERIENCE };
  const text = separateGluedWords(raw);
  const isDedicatedField = text.trim().length <= DEDICATED_FIELD_LENGTH;
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(PHRASE_RE)) {
    const candidate = toCandidate(text, match, isDedicatedField);
    if (candidate !== null) candidates.push(candidate);
  }
  const withExperience = candidates.filter((c) => c.mentionsExperience);
  const best = mostDemanding(withExperience.length > 0 ? withExperience : candidates);
  if (best === null) return { ...EMPTY_EXPERIENCE };
  return { experience_min: best.min, experience_max: best.max, experience_required: best.phrase };
}
