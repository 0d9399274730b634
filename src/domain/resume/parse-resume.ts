/**
 * Resume text → a draft candidate in which every field keeps its source (a character span of the text) and a
 * confidence in [0, 1]. Pure: the skills dictionary and the reference month ("Present") are passed in.
 *
 * The text is split into lines and sections by their headings ("WORK EXPERIENCE", "Skills:", ...); each field
 * is read where it belongs (a job's dates anchor its title and employer, the skills section lists skills), with
 * whole-text fallbacks at a lower confidence.
 */

import { parseExperience } from '../experience.js';
import { parseLocation } from '../location.js';
import type { SkillMatcher } from '../skills.js';
import { findPhones } from './find-phones.js';
import { coveredMonths, findDateRanges, type MonthRange, monthLabel } from './resume-dates.js';

export interface SourceSpan {
  start: number;
  end: number;
}

export interface DraftField<T> {
  value: T;
  source: SourceSpan | null;
  confidence: number;
}

export interface WorkEntry {
  title: DraftField<string> | null;
  employer: DraftField<string> | null;
  /** YYYY-MM */
  start: string;
  end: string | null;
  current: boolean;
  months: number;
  source: SourceSpan;
}

export interface EducationEntry {
  degree: DraftField<string> | null;
  institution: DraftField<string> | null;
  year: number | null;
  source: SourceSpan;
}

export interface SkillItem {
  name: string;
  years: number | null;
  source: SourceSpan | null;
  confidence: number;
}

export interface LinkItem {
  kind: 'linkedin' | 'github' | 'website';
  url: string;
  source: SourceSpan;
}

export interface ResumeDraft {
  first_name: DraftField<string> | null;
  last_name: DraftField<string> | null;
  email: DraftField<string> | null;
  phone: DraftField<string> | null;
  location: DraftField<string> | null;
  current_title: DraftField<string> | null;
  /** The employer of the latest job in the history (the one marked current, else the one that ended last). */
  current_employer: DraftField<string> | null;
  summary: DraftField<string> | null;
  /** The resume's own statement of its total ("8+ years of experience") when it has one, else the history's. */
  total_experience_years: DraftField<number> | null;
  /** Months of the work history, overlaps once, as whole years. */
  history_experience_years: DraftField<number> | null;
  work_history: WorkEntry[];
  skills: SkillItem[];
  education: EducationEntry[];
  links: LinkItem[];
}

/** Phone numbers found in text, normalised (E.164), with their spans: libphonenumber-js, given by the caller. */
export type PhoneFinder = (
  text: string,
  defaultCountry: string | null,
) => { number: string; start: number; end: number }[];

export interface ParseResumeOptions {
  skills: SkillMatcher;
  /** Defaults to libphonenumber-js. */
  findPhones?: PhoneFinder;
  /** The month "Present" stands for (`year * 12 + month`). */
  referenceMonth: number;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

type SectionKind = 'experience' | 'education' | 'skills' | 'summary' | 'other';

/**
 * A catch-all block at the end of a resume ("ADDITIONAL INFORMATION"): the sections under its sub-headings belong
 * to it until an experience or education heading. Its size tells a short list appended to the resume from a
 * pasted second resume (projects, duties, a skills table among them).
 */
interface Appendix {
  nonEmptyLines: number;
}

interface Section {
  kind: SectionKind;
  heading: Line | null;
  lines: Line[];
  appendix: Appendix | null;
}

/**
 * An appendix longer than this is a pasted document rather than a list added at the end (about half a page). On
 * the tuning half, appendices labelled as skills have at most 20 non-empty lines and pasted ones 40 or more.
 */
const MAX_APPENDIX_LIST_LINES = 30;

const APPENDIX_HEADING = /^(?:additional|other|miscellaneous)\s+(?:information|info|details)$/i;

const HEADINGS: [SectionKind, RegExp][] = [
  [
    'experience',
    /^(?:work|professional|employment|career|relevant)?\s*(?:experience|history|employment)(?:\s+(?:history|details|summary))?$/,
  ],
  ['experience', /^(?:work|employment|professional|career)\s+(?:history|record|background)$/],
  [
    'education',
    /^(?:education|academic|academics|qualifications?|educational\s+(?:qualifications?|background|details)|academic\s+(?:qualifications?|profile|details))(?:\s+details)?$/,
  ],
  [
    'skills',
    /^(?:(?:technical|key|core|it|professional|computer)\s+)?(?:skills?|skill\s*set|competenc(?:y|ies)|expertise|technologies|tools)(?:\s*(?:&|and)\s*\w+)?$/,
  ],
  ['summary', /^(?:(?:professional|career|executive)\s+)?(?:summary|profile|objective|about\s+me|overview)$/],
  [
    'other',
    /^(?:projects?|certifications?|awards?|achievements?|publications?|languages|interests|hobbies|references|personal\s+(?:details|information)|(?:additional|other|miscellaneous)\s+(?:information|info|details)|links|declaration|trainings?|volunteer\w*)$/,
  ],
];

function sectionKindOf(line: string): SectionKind | null {
  const text = line.trim().replace(/[:\s]+$/, '');
  if (text.length === 0 || text.length > 40) return null;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  for (const [kind, pattern] of HEADINGS) if (pattern.test(lower)) return kind;
  return null;
}

/**
 * A skills heading with its first items on the same line: "SKILL SET • ASP.NET, C#", "Technical skills: SAP HR",
 * "SKILLS ETL: Microsoft SSIS" (an all-capitals heading, then the list). The offset where the items begin, else 0.
 */
function inlineSkillsHeading(text: string): number {
  const marked = /^(.{2,40}?)\s*(?:[:•]|\s[-–]\s)\s*(?=\S)/.exec(text);
  if (marked && sectionKindOf(marked[1]!) === 'skills') return marked[0].length;
  const words = /^(\S+)(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?/.exec(text) ?? [];
  let prefix = '';
  for (const word of words.slice(1)) {
    if (!word || !/^[\p{Lu}&]+$/u.test(word)) break;
    prefix = prefix ? `${prefix} ${word}` : word;
    const rest = text.slice(text.indexOf(prefix) + prefix.length).trimStart();
    if (rest && sectionKindOf(prefix) === 'skills') return text.length - rest.length;
  }
  return 0;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    const leading = part.length - part.trimStart().length;
    const trimmed = part.trim();
    lines.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start += part.length + 1;
  }
  return lines;
}

function splitSections(lines: Line[]): { header: Line[]; sections: Section[] } {
  const header: Line[] = [];
  const sections: Section[] = [];
  let current: Section | null = null;
  let appendix: Appendix | null = null;
  for (const line of lines) {
    const kind = sectionKindOf(line.text);
    // A job's own "Technologies: Java, Spring" line stays with the job.
    const inline: number = kind || current?.kind === 'experience' ? 0 : inlineSkillsHeading(line.text);
    if (kind === 'experience' || kind === 'education') appendix = null;
    if (kind && APPENDIX_HEADING.test(line.text.replace(/[:\s]+$/, ''))) appendix = { nonEmptyLines: 0 };
    if (appendix && line.text !== '') appendix.nonEmptyLines++;
    if (kind) {
      current = { kind, heading: line, lines: [], appendix };
      sections.push(current);
    } else if (inline > 0) {
      const heading: Line = {
        text: line.text.slice(0, inline).trim(),
        start: line.start,
        end: line.start + inline,
      };
      const items: Line = { text: line.text.slice(inline), start: line.start + inline, end: line.end };
      current = { kind: 'skills', heading, lines: [items], appendix };
      sections.push(current);
    } else if (current) current.lines.push(line);
    else header.push(line);
  }
  return { header, sections };
}

const field = <T>(value: T, source: SourceSpan | null, confidence: number): DraftField<T> => ({
  value,
  source,
  confidence: Math.round(confidence * 100) / 100,
});
const spanOf = (line: Line, offset = 0, length = line.text.length - offset): SourceSpan => ({
  start: line.start + offset,
  end: line.start + offset + length,
});
/** A sub-string of a line as a field, its span located in the line. */
function part(line: Line, value: string, confidence: number): DraftField<string> | null {
  const trimmed = value.trim().replace(/^[-–—,|:•\s]+|[-–—,|:\s]+$/g, '');
  if (trimmed.length === 0) return null;
  const offset = Math.max(0, line.text.indexOf(trimmed));
  return field(trimmed, spanOf(line, offset, trimmed.length), confidence);
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/g;
const URL =
  /\b(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/(?:in|pub)\/[\w%-]+|github\.com\/[\w-]+|[\w-]+(?:\.[\w-]+)+\/[\w\-./?=&%#]*)/gi;
const ROLE_WORD =
  /\b(?:engineer|developer|programmer|analyst|manager|consultant|lead|architect|tester|administrator|admin|associate|intern|specialist|designer|scientist|officer|executive|coordinator|lecturer|director|head|technician|trainee|assistant|representative|advisor|owner|master|devops|sre|qa|accountant|supervisor|professor|teacher|founder|partner|member)\b/i;
const COMPANY_WORD =
  /\b(?:ltd|limited|inc|llc|llp|pvt|private|corp(?:oration)?|co|company|technologies|technology|solutions|services|systems|software|labs?|consulting|consultancy|group|bank|infotech|global|international|industries|enterprises|networks|university|institute|hospital)\b\.?/i;
const DEGREE =
  /\b(?:b\.?\s?e|b\.?\s?tech|m\.?\s?tech|b\.?\s?sc|m\.?\s?sc|b\.?\s?com|m\.?\s?com|b\.?\s?c\.?\s?a|m\.?\s?c\.?\s?a|b\.?\s?b\.?\s?a|m\.?\s?b\.?\s?a|ph\.?\s?d|bachelor'?s?|master'?s?|diploma|degree|associate\s+degree|b\.?\s?a|m\.?\s?a|b\.?\s?s|m\.?\s?s|mba|hsc|ssc|12th|10th|xii|x|intermediate|high\s+school|pgdm|post\s+graduat\w+|graduat\w+)\b/i;
const INSTITUTION =
  /\b(?:university|college|institute|school|academy|vidyalaya|polytechnic|iit|nit|iiit|bits|vidyapeeth|mahavidyalaya|campus)\b/i;
const BULLET = /^(?:[•●▪■◆❖➢►\-*–·]|o(?=\s))\s*/;

const looksLikeSentence = (text: string) => text.length > 90 || /[.;]$/.test(text) || BULLET.test(text);

/** "Title - Company", "Title at Company", "Company | Title": the role-like side is the title. */
/**
 * How much a phrase reads as a job title rather than an employer: a role word counts for it and a company
 * word against it, twice as much when it is the phrase's last word, its head ("Sr. Software Engineer" is a
 * title, "Infosys Technologies" an employer).
 */
function titleEvidence(phrase: string): number {
  const head = phrase.split(/\s+/).at(-1) ?? '';
  const weigh = (pattern: RegExp) => (pattern.test(head) ? 2 : pattern.test(phrase) ? 1 : 0);
  return weigh(ROLE_WORD) - weigh(COMPANY_WORD);
}

const TITLE_EMPLOYER_SEPARATOR = /\s+(?:at|@)\s+|\s+[-–—|]\s+|\s*,\s+(?=[A-Z])/g;

/**
 * The phrases of "Title - Company | Place": split at the separators, except that two role phrases joined by a
 * comma ("SAP UI5 Lead, Native HANA Developer") stay one title.
 */
function titleEmployerPieces(text: string): string[] {
  const pieces: { text: string; start: number }[] = [];
  let start = 0;
  let joinable = false;
  const push = (end: number, nextJoinable: boolean) => {
    const piece = text.slice(start, end).trim();
    if (piece.length > 0 && !/^[-–—]+$/.test(piece)) {
      const previous = pieces.at(-1);
      if (joinable && previous && titleEvidence(previous.text) > 0 && titleEvidence(piece) > 0) {
        previous.text = text.slice(previous.start, end).trim();
      } else pieces.push({ text: piece, start });
    }
    joinable = nextJoinable;
  };
  for (const separator of text.matchAll(TITLE_EMPLOYER_SEPARATOR)) {
    push(separator.index, separator[0].trim() === ',');
    start = separator.index + separator[0].length;
  }
  push(text.length, false);
  return pieces.map((piece) => piece.text);
}

/** "Infosys group as a Test Analyst", "Working as accountant @ infosys": the role is what follows "as". */
const AS_ROLE = /^(.*?)\s*\bas\s+(?:an?\s+)?(\S.*)$/i;

function splitTitleEmployer(
  line: Line,
  text: string,
  confidence: number,
): { title: DraftField<string> | null; employer: DraftField<string> | null } {
  const asRole = AS_ROLE.exec(text);
  if (asRole && titleEvidence(titleEmployerPieces(asRole[2]!)[0] ?? '') > 0) {
    const split = splitTitleEmployer(line, asRole[2]!, confidence);
    const before = asRole[1]!.replace(/^(?:working|employed|currently|presently|i\s+am|i'm)\b.*$/i, '');
    return { title: split.title, employer: split.employer ?? part(line, before, confidence * 0.8) };
  }
  const pieces = titleEmployerPieces(text);
  if (pieces.length === 0) return { title: null, employer: null };
  // "Azure Developer with 9 years of ...": the role is what precedes the clause.
  pieces[0] = pieces[0]!.replace(/\s+(?:with|having|for|since)\s.*$/i, '');
  if (pieces.length === 1) {
    const only = pieces[0]!;
    return titleEvidence(only) > 0
      ? { title: part(line, only, confidence), employer: null }
      : { title: null, employer: part(line, only, confidence * 0.8) };
  }
  const [first, second] = pieces as [string, string];
  const firstIsTitle = titleEvidence(first) >= titleEvidence(second);
  const [title, employer] = firstIsTitle ? [first, second] : [second, first];
  // "Infosys LTD - MAHARASHTRA, IN": a place is where the job was, not its title.
  if (titleEvidence(title) <= 0 && isKnownPlace(title)) {
    return { title: null, employer: part(line, employer, confidence) };
  }
  return { title: part(line, title, confidence), employer: part(line, employer, confidence) };
}

/** The employer line of an Indeed-style entry: "Accenture - Bengaluru, Karnataka -": the name before the place. */
function employerOf(line: Line, confidence: number): DraftField<string> | null {
  const name = line.text.split(/\s+[-–—|]\s*|\s+-$|,\s/)[0] ?? line.text;
  return part(line, name, confidence);
}

/** A city or region the gazetteer places in a country: a place, never an employer's name. */
const isKnownPlace = (text: string) => {
  const place = parseLocation(text);
  return place.country !== null && (place.city !== null || place.region !== null);
};

interface ParsedWork extends WorkEntry {
  range: MonthRange;
  /** Where the job's description ends: the next job's first line, or the section's end. */
  descriptionEnd: number;
}

function readWorkHistory(lines: Line[], referenceMonth: number): ParsedWork[] {
  const entries: ParsedWork[] = [];
  let previousEnd = 0;
  lines.forEach((line, index) => {
    const [range] = findDateRanges(line.text, referenceMonth);
    if (!range) return;
    const rest = (line.text.slice(0, range.from) + line.text.slice(range.to))
      .replace(/[()|,–—-]+\s*$/, '')
      .trim();
    const context: Line[] = [];
    for (let back = index - 1; back >= previousEnd && context.length < 2; back--) {
      const candidate = lines[back]!;
      // "Technical Architect" / "-" / "August 2015 to Present": a lone dash is an employer left blank.
      if (/^[-–—|,.\s]*$/.test(candidate.text)) continue;
      if (looksLikeSentence(candidate.text) || findDateRanges(candidate.text, referenceMonth).length > 0)
        break;
      context.unshift(candidate);
    }
    previousEnd = index + 1;
    let title: DraftField<string> | null = null;
    let employer: DraftField<string> | null = null;
    if (context.length === 2) {
      const [upper, lower] = context as [Line, Line];
      const upperIsEmployer =
        COMPANY_WORD.test(upper.text) && !ROLE_WORD.test(upper.text) && ROLE_WORD.test(lower.text);
      title = upperIsEmployer ? part(lower, lower.text, 0.8) : part(upper, upper.text, 0.85);
      employer = upperIsEmployer ? employerOf(upper, 0.8) : employerOf(lower, 0.8);
      // "Systems Engineer at Infosys" above a client's name: the employer the title line names wins.
      const named = upperIsEmployer ? null : splitTitleEmployer(upper, upper.text, 0.8);
      // "Team lead - supplier data management" above "Oracle India -": the part after the dash qualifies the title
      // (no company word, no "at"), and the employer stays the line below.
      const introduced = /\s(?:at|@)\s/i.test(upper.text);
      if (
        named?.title &&
        named.employer &&
        !isKnownPlace(named.employer.value) &&
        (introduced || titleEvidence(named.employer.value) < 0)
      ) {
        employer = named.employer;
        if (introduced) title = named.title;
      }
    } else if (context.length === 1) {
      ({ title, employer } = splitTitleEmployer(context[0]!, context[0]!.text, 0.6));
      if (rest.length > 2 && (!title || !employer)) {
        const fromRest = splitTitleEmployer(line, rest, 0.55);
        title ??= fromRest.title;
        employer ??= fromRest.employer;
      }
    } else if (rest.length > 2) ({ title, employer } = splitTitleEmployer(line, rest, 0.55));
    // "Pune" under a title is where the job was, not who it was for.
    if (employer && isKnownPlace(employer.value)) employer = null;
    if (!title && !employer) return;
    const first = context[0] ?? line;
    entries.push({
      title,
      employer,
      start: monthLabel(range.start),
      end: range.current ? null : monthLabel(range.end),
      current: range.current,
      months: range.end - range.start + 1,
      source: { start: first.start, end: line.end },
      range,
      descriptionEnd: lines.at(-1)?.end ?? line.end,
    });
  });
  entries.forEach((entry, index) => {
    const next = entries[index + 1];
    if (next) entry.descriptionEnd = next.source.start;
  });
  return entries;
}

function readEducation(lines: Line[]): EducationEntry[] {
  const entries: EducationEntry[] = [];
  let current: EducationEntry | null = null;
  for (const line of lines) {
    if (line.text === '' || looksLikeSentence(line.text)) continue;
    const year = /(?:19[5-9]\d|20\d\d)(?!.*(?:19[5-9]\d|20\d\d))/.exec(line.text);
    const isInstitution = INSTITUTION.test(line.text);
    const isDegree = DEGREE.test(line.text) && !isInstitution;
    if (isDegree || (isInstitution && (!current || current.institution))) {
      if (isDegree || !current || current.institution) {
        current = { degree: null, institution: null, year: null, source: spanOf(line) };
        entries.push(current);
      }
    }
    if (!current) continue;
    if (isDegree && !current.degree) current.degree = part(line, line.text.split(/\s+[-–—]\s+/)[0]!, 0.7);
    else if (isInstitution && !current.institution) {
      current.institution = part(line, line.text.split(/\s+[-–—]\s+/)[0]!, 0.75);
    }
    if (year) current.year = Number(year[0]);
    current.source = { start: current.source.start, end: line.end };
  }
  return entries.slice(0, 10);
}

const YEARS_IN_ITEM =
  /\(?\s*(?:(less\s+than\s+(?:1|one)\s+year)|(\d{1,2}(?:\.\d)?)\+?\s*(?:years?|yrs?))\s*\)?/i;

const SENTENCE_CUE =
  /\b(?:experience|knowledge|worked|working|using|developed|creating|ability|proficient|involved|responsible)\b/i;

/** A sentence of prose ("Worked on UNIX and Windows environments."), not a list of skills. */
const isProse = (text: string) => {
  // "Microsoft office and java (Less than 1 year)" is a list: its years are not words of a sentence.
  const words = text.replace(YEARS_IN_ITEM, ' ').trim();
  const count = words.split(/\s+/).length;
  if (count < 8) return false;
  // "Professional Experience in creating SharePoint sites using C#, JavaScript": a sentence about the work, with a
  // comma or two, names skills in passing; a list has more items than sentence cues.
  const delimiters = (words.match(/[,;|]/g) ?? []).length;
  return delimiters === 0 || (delimiters < 3 && SENTENCE_CUE.test(words));
};

/** Head words of the other parts a skills list runs into: "Projects Undertaken", "Strengths:", "Responsibilities". */
const OTHER_PART_WORD =
  /\b(?:projects?|undertaken|responsibilit(?:y|ies)|roles?|strengths?|personal|personality|traits|hobby|hobbies|interests?|achievements?|accomplishments?|awards?|certifications?|workshops?|internships?|qualifications?|experience|summary|synopsis|description|declaration|references?|groups|trainings?|education|contributions?)\b/i;

/**
 * Where a skills section stops listing skills: a heading of another part (a short line without a list, headed
 * by one of those words) or a dated line (a job or project begins).
 */
const endsSkillsList = (text: string, skills: SkillMatcher, referenceMonth: number) => {
  const bare = text.replace(BULLET, '').replace(/[\s:*-]+$/, '');
  if (findDateRanges(text, referenceMonth).length > 0) return true;
  return (
    bare.split(/\s+/).length <= 5 &&
    !/[,;|:]/.test(bare) &&
    OTHER_PART_WORD.test(bare) &&
    skills.extract(bare).length === 0
  );
};

/** Skills named by a run of at most four words of a short list item ("c language" holds "C"). */
function namedRuns(skills: SkillMatcher, item: string): string[] {
  const words = item.split(/[\s()]+/).filter(Boolean);
  if (words.length > 8) return [];
  const names: string[] = [];
  words.forEach((_word, start) => {
    for (let end = start + 1; end <= Math.min(words.length, start + 4); end++) {
      const name = skills.canonicalize(words.slice(start, end).join(' '));
      if (name) names.push(name);
    }
  });
  return names;
}

/** A link names a site, not a skill: "github.com/nik-hil" is no GitHub skill. */
const withoutUrls = (text: string) => text.replace(URL, ' ');

/**
 * A list wrapped onto the next line ("..., MICROSOFT" / "ACCESS (Less than 1 year), ...") is one line again: a long
 * list line that ends inside an item continues on the next non-empty line, unless that one starts its own label
 * ("Databases: ..."). The joined line keeps the text's offsets (line breaks read as spaces).
 */
function unwrapList(lines: Line[], text: string): Line[] {
  const joined: Line[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    const previous = joined.at(-1);
    const wrapped =
      previous !== undefined &&
      previous.text.length >= 60 &&
      /[,;|]/.test(previous.text) &&
      !/[,;|.:]$/.test(previous.text) &&
      !/^[^,:]{1,40}:/.test(line.text) &&
      !BULLET.test(line.text);
    if (wrapped) {
      joined[joined.length - 1] = {
        text: text.slice(previous.start, line.end).replace(/\s/g, ' '),
        start: previous.start,
        end: line.end,
      };
    } else joined.push(line);
  }
  return joined;
}

function readSkills(
  skills: SkillMatcher,
  sections: Section[],
  allLines: Line[],
  history: ParsedWork[],
  referenceMonth: number,
  text: string,
): SkillItem[] {
  const found = new Map<string, SkillItem>();
  const add = (name: string, item: Omit<SkillItem, 'name'>) => {
    const existing = found.get(name);
    if (!existing) found.set(name, { name, ...item });
    else if (existing.years === null && item.years !== null) existing.years = item.years;
  };
  // The skills a resume lists: its skills sections, but not those inside a long appendix (a pasted second resume,
  // where a skills table sits among projects and duties) when the resume has a skills section of its own.
  const skillSections = sections.filter((candidate) => candidate.kind === 'skills');
  const hasOwnList = skillSections.some((section) => section.appendix === null);
  const listed = skillSections.filter(
    (section) => !hasOwnList || (section.appendix?.nonEmptyLines ?? 0) <= MAX_APPENDIX_LIST_LINES,
  );
  for (const section of listed) {
    const end = section.lines.findIndex((line) => endsSkillsList(line.text, skills, referenceMonth));
    const listLines = end < 0 ? section.lines : section.lines.slice(0, end);
    for (const line of unwrapList(listLines, text)) {
      if (isProse(line.text)) continue;
      // The dictionary reads the whole line, so that its context rules see the list ("Word, Excel" is Excel);
      // each skill is then placed on its list item, which gives its years ("Java (5 years)").
      const items: { text: string; offset: number; names: string[] }[] = [];
      let offset = 0;
      for (const item of line.text.split(/(?<=\))\s*,\s*|,\s*|;\s*|\|\s*/)) {
        const itemOffset = line.text.indexOf(item, offset);
        offset = itemOffset + item.length;
        items.push({
          text: item,
          offset: itemOffset,
          names: [...skills.extract(item), ...namedRuns(skills, item)],
        });
      }
      for (const name of skills.extract(withoutUrls(line.text))) {
        const item = items.find((candidate) => candidate.names.includes(name));
        const years = item ? YEARS_IN_ITEM.exec(item.text) : null;
        add(name, {
          years: years ? (years[1] ? 0 : Number(years[2])) : null,
          source: item ? spanOf(line, item.offset, item.text.length) : spanOf(line),
          confidence: 0.9,
        });
      }
    }
  }
  // A resume with a skills section lists its skills there: mentions elsewhere (a client's stack in a job
  // description) are not added, even when the section lists none the dictionary knows (soft skills only).
  // Without one, a skill needs two mentions: a single word is weak evidence.
  const mentions = new Map<string, Line[]>();
  for (const line of allLines) {
    if (line.text === '') continue;
    for (const name of skills.extract(withoutUrls(line.text)))
      mentions.set(name, [...(mentions.get(name) ?? []), line]);
  }
  const hasSkillsSection = sections.some((section) => section.kind === 'skills');
  for (const [name, lines] of mentions) {
    if (found.has(name)) continue;
    if (!hasSkillsSection && lines.length >= 2) {
      add(name, { years: null, source: spanOf(lines[0]!), confidence: 0.6 });
    }
  }
  // Years per skill from the jobs whose text mentions it, overlaps counted once.
  for (const skill of found.values()) {
    if (skill.years !== null) continue;
    const ranges = history
      .filter((entry) =>
        (mentions.get(skill.name) ?? []).some(
          (line) => line.start >= entry.source.start && line.start < entry.descriptionEnd,
        ),
      )
      .map((entry) => entry.range);
    if (ranges.length > 0) skill.years = Math.floor(coveredMonths(ranges) / 12);
  }
  return [...found.values()];
}

const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$|^[\p{Ll}][\p{L}'’-]+$/u;

function readName(header: Line[]): { first: DraftField<string>; last: DraftField<string> } | null {
  for (const line of header.slice(0, 5)) {
    if (line.text === '') continue;
    const text = line.text.replace(/^(?:name|resume|curriculum vitae|cv)\s*[:\-–]?\s*/i, '');
    const words = text.split(/\s+/);
    if (words.length < 2 || words.length > 4 || /[\d@/]/.test(text) || ROLE_WORD.test(text)) continue;
    if (!words.every((word) => NAME_WORD.test(word))) continue;
    const offset = line.text.length - text.length;
    const lastWord = words.at(-1)!;
    const firstPart = words.slice(0, -1).join(' ');
    const titleCase = words.every((word) => /^\p{Lu}/u.test(word));
    const confidence = titleCase ? 0.85 : 0.6;
    return {
      first: field(firstPart, spanOf(line, offset, firstPart.length), confidence),
      last: field(lastWord, spanOf(line, line.text.lastIndexOf(lastWord), lastWord.length), confidence),
    };
  }
  return null;
}

function readLocation(header: Line[]): DraftField<string> | null {
  for (const line of header.slice(0, 8)) {
    const labelled = /^(?:location|address|city)\s*:\s*(.+)$/i.exec(line.text);
    const text = labelled?.[1] ?? line.text.split(/\s+[-–—|]\s+/)[0] ?? '';
    if (text.length < 3 || text.length > 60 || /[@\d]/.test(text) || ROLE_WORD.test(text)) continue;
    if (!labelled && !text.includes(',')) continue;
    const parsed = parseLocation(text);
    if (!parsed.city && !parsed.region && !parsed.country) continue;
    return part(line, text, labelled ? 0.85 : parsed.country ? 0.75 : 0.6);
  }
  return null;
}

function readSummary(header: Line[], sections: Section[]): DraftField<string> | null {
  const section = sections.find((candidate) => candidate.kind === 'summary');
  const lines = (section?.lines ?? header.slice(2)).filter((line) => line.text !== '');
  const body = section
    ? lines
    : lines.filter((line) => looksLikeSentence(line.text) && !/@|email me/i.test(line.text));
  if (body.length === 0) return null;
  const first = body[0]!;
  const last = body[Math.min(body.length, 12) - 1]!;
  const value = body
    .slice(0, 12)
    .map((line) => line.text.replace(BULLET, ''))
    .join(' ')
    .slice(0, 2000);
  return field(value, { start: first.start, end: last.end }, section ? 0.8 : 0.5);
}

const YEARS_AND_MONTHS =
  /(\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:years?|yrs?)(?:\s*(?:and\s+)?(\d{1,2})\s*months?)?/i;

/**
 * "6.8 years", "9 Yrs 8 months": the statement's own fraction, rounded to the nearest year (the posting parser's
 * minimum rounds down). Falls back to that minimum when the number it found is not one of these forms.
 */
function statedYears(text: string, minimum: number): number {
  const match = YEARS_AND_MONTHS.exec(text);
  if (!match || Math.floor(Number(match[1])) !== minimum) return minimum;
  return Math.round(Number(match[1]) + Number(match[2] ?? 0) / 12);
}

/**
 * "Having 8+ years of IT experience" in the headline or summary: the experience parser of postings, on the
 * lines a candidate describes themselves in (job descriptions would give a skill's years, not the total).
 */
function readStatedYears(header: Line[], sections: Section[]): DraftField<number> | null {
  const summary = sections.find((section) => section.kind === 'summary')?.lines ?? [];
  for (const line of [...header, ...summary]) {
    if (line.text === '') continue;
    const stated = parseExperience(line.text);
    if (stated.experience_min === null || !/experience/i.test(line.text)) continue;
    return field(statedYears(line.text, stated.experience_min), spanOf(line), 0.8);
  }
  return null;
}

/** The first line of an experience section without dates, when it reads as "Title at Employer". */
function readUndatedJob(lines: Line[]) {
  const [first, second] = lines.filter((line) => line.text !== '' && !looksLikeSentence(line.text));
  if (!first) return null;
  // "Data Entry Operator" above "Microsoft - Patna, Bihar": the line above an employer and its place is the title.
  const [name, place] = second?.text.split(/\s+[-–—|]\s+/) ?? [];
  const cleanPlace = place?.replace(/\s*[-–—]$/, '') ?? '';
  if (
    second &&
    name &&
    (isKnownPlace(cleanPlace) || /^\p{Lu}[\p{L} .]+,\s*\p{Lu}[\p{L} .]+$/u.test(cleanPlace))
  ) {
    return { title: part(first, first.text, 0.45), employer: part(second, name, 0.45) };
  }
  const split = splitTitleEmployer(first, first.text, 0.45);
  const employer = split.employer && !isKnownPlace(split.employer.value) ? split.employer : null;
  return split.title ? { title: split.title, employer } : null;
}

const isContactLine = (line: Line, location: DraftField<string> | null) =>
  line.start === location?.source?.start || /\S@\S|email me|\+?\d[\d ().-]{7,}\d/i.test(line.text);

/**
 * The headline under the name: a short line with a role word among the first lines, not a sentence or an
 * objective ("To associate with ..."), not a contact line. Without a role word, the line between the name and
 * the contact line is still the headline by its place ("IT SUPPORT", "Student"), at a low confidence.
 */
function readHeadline(
  header: Line[],
  name: { first: DraftField<string> } | null,
  location: DraftField<string> | null,
) {
  const shaped = (line: Line) =>
    line.text !== '' &&
    line.text.length <= 100 &&
    !looksLikeSentence(line.text) &&
    !/^to\s/i.test(line.text) &&
    !isContactLine(line, location);
  const withRole = header.slice(1, 4).find((line) => shaped(line) && ROLE_WORD.test(line.text));
  if (withRole) return { ...splitTitleEmployer(withRole, withRole.text, 0.75), byPlace: false };
  const [first, second, third] = header.filter((line) => line.text !== '');
  const underName =
    name &&
    first &&
    second &&
    third &&
    name.first.source!.start >= first.start &&
    name.first.source!.start < first.end;
  if (!underName || !shaped(second!) || !isContactLine(third!, location)) return null;
  if (second!.text.split(/\s+/).length > 6 || /\d/.test(second!.text)) return null;
  const split = splitTitleEmployer(second!, second!.text, 0.5);
  return {
    title: split.title ?? part(second!, second!.text.split(/\s+[-–—|]\s+/)[0]!, 0.5),
    employer: split.title ? split.employer : null,
    byPlace: true,
  };
}

/** Parses resume text into a draft; fields it cannot find are null (lists empty), never guessed blindly. */
export function parseResume(text: string, options: ParseResumeOptions): ResumeDraft {
  const lines = splitLines(text);
  const { header, sections } = splitSections(lines);
  const name = readName(header);

  const emailMatch = EMAIL.exec(text);
  EMAIL.lastIndex = 0;
  const email = emailMatch
    ? field(
        emailMatch[0].toLowerCase(),
        { start: emailMatch.index, end: emailMatch.index + emailMatch[0].length },
        0.95,
      )
    : null;
  const location = readLocation(header);
  const country = location ? parseLocation(location.value).country : null;
  const [phoneMatch] = (options.findPhones ?? findPhones)(text, country);
  const phone = phoneMatch
    ? field(phoneMatch.number, { start: phoneMatch.start, end: phoneMatch.end }, 0.9)
    : null;

  const experienceLines = sections
    .filter((section) => section.kind === 'experience')
    .flatMap((section) => section.lines);
  const history = readWorkHistory(experienceLines, options.referenceMonth);
  const headlineParts = readHeadline(header, name, location);
  const headlineTitle = headlineParts?.title ?? null;
  const latest = [...history].sort((a, b) => b.range.end - a.range.end || b.range.start - a.range.start)[0];
  // No dated job: the experience section's first line still names the job ("Admin assistant at Infosys").
  const undated = history.length === 0 ? readUndatedJob(experienceLines) : null;
  const historyTitle = latest?.title ? { ...latest.title, confidence: latest.current ? 0.8 : 0.6 } : null;
  // A headline placed under the name without a role word yields to the history's title.
  const currentTitle =
    headlineParts?.byPlace && historyTitle
      ? historyTitle
      : (headlineTitle ?? historyTitle ?? undated?.title ?? null);

  // The latest job's employer; a headline's ("Data Engineer at Globex") only when the history names none.
  const latestEmployer = undated?.employer
    ? undated.employer
    : latest?.employer
      ? field(
          latest.employer.value,
          latest.employer.source,
          latest.employer.confidence * (latest.current ? 1 : 0.8),
        )
      : headlineParts?.title && headlineParts.employer
        ? field(headlineParts.employer.value, headlineParts.employer.source, 0.6)
        : null;

  const months = coveredMonths(history.map((entry) => entry.range));
  const historyYears =
    history.length > 0
      ? field(
          Math.floor(months / 12),
          { start: history[0]!.source.start, end: history.at(-1)!.source.end },
          history.length > 1 ? 0.75 : 0.65,
        )
      : null;

  const links: LinkItem[] = [];
  for (const match of text.matchAll(URL)) {
    const url = match[0].replace(/[.,)]+$/, '');
    if (url.includes('@') || /X{5,}/.test(url)) continue;
    const kind = /linkedin\.com/i.test(url) ? 'linkedin' : /github\.com/i.test(url) ? 'github' : 'website';
    if (links.some((link) => link.url === url)) continue;
    links.push({
      kind,
      url: /^https?:/i.test(url) ? url : `https://${url}`,
      source: { start: match.index, end: match.index + url.length },
    });
    if (links.length >= 10) break;
  }

  return {
    first_name: name?.first ?? null,
    last_name: name?.last ?? null,
    email,
    phone,
    location,
    current_title: currentTitle,
    current_employer: latestEmployer,
    summary: readSummary(header, sections),
    total_experience_years: readStatedYears(header, sections) ?? historyYears,
    history_experience_years: historyYears,
    work_history: history.map(({ range: _range, descriptionEnd: _end, ...entry }) => entry),
    skills: readSkills(options.skills, sections, lines, history, options.referenceMonth, text),
    education: readEducation(
      sections.filter((section) => section.kind === 'education').flatMap((section) => section.lines),
    ),
    links,
  };
}
