/**
 * Dictionary-driven skill extraction. Pure: the dictionary is passed in.
 *
 * Text is split into tokens (runs of letters/digits, and single punctuation characters), so word
 * boundaries come for free ("Go" never matches inside "good") and names made of symbols keep them
 * ("C++", "C#", ".NET", "Node.js", "CI/CD"). Surface forms are indexed by their first token and tried
 * longest first, so "C++" wins over "C" and "ASP.NET" over ".NET".
 *
 * Ambiguous forms (everyday words such as "Go", "Swift", "Excel", "REST", and any form of at most two
 * characters such as "R" or "C") are only accepted in a technical context; see `isAcceptedInContext`.
 */

export interface SkillEntry {
  name: string;
  aliases: string[];
  category?: string;
  hot?: boolean;
  /** Surface forms (name or aliases) that collide with everyday words: matched with their exact case, in context. */
  ambiguous?: string[];
}

export interface SkillMatcher {
  /** Canonical skill names found in free text, in order of first appearance, deduplicated. */
  extract(text: string): string[];
  /** Canonical name for a whole skill string ("k8s" → "Kubernetes"), or null when unknown. */
  canonicalize(name: string): string | null;
  /** Canonical names for a declared skill list; unknown names are kept as cleaned text. Deduplicated case-insensitively. */
  canonicalizeList(names: string[]): string[];
}

interface Token {
  text: string;
  lower: string;
  isWord: boolean;
  spaceBefore: boolean;
  lineBefore: boolean;
}

interface SurfaceForm {
  tokens: string[];
  lowerTokens: string[];
  spaceBefore: boolean[];
  canonical: string;
  ambiguous: boolean;
  short: boolean;
  category: string | null;
}

interface Candidate {
  start: number;
  end: number;
  form: SurfaceForm;
  exactCase: boolean;
}

const TOKEN_PATTERN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const SHORT_FORM_MAX_LENGTH = 2;
const NEIGHBOUR_DISTANCE = 4;

/** Separators of list items: "Python, R; SQL", "Python/R", "(R)", bullets. */
const LIST_DELIMITERS = new Set([',', ';', '|', '/', '(', ')', '[', ']', '•', '·', '*', ':', '+', '&']);
const LIST_CONJUNCTIONS = new Set(['and', 'or', 'und', 'et', 'y']);
/** Characters that glue a short token into something else: "R&D", "C-level", "Go-getter", "O'Reilly". */
const JOINERS = new Set(['-', '&', "'", '’', '@', '_', '–']);
/** "R programming", "Go developer", "C code", "Swift experience". */
const CUES_AFTER = new Set([
  'programming',
  'language',
  'languages',
  'lang',
  'developer',
  'developers',
  'development',
  'engineer',
  'engineers',
  'engineering',
  'code',
  'coding',
  'scripting',
  'scripts',
  'stack',
  'experience',
  'skills',
  'framework',
  'frameworks',
  'library',
  'libraries',
  'expertise',
  'proficiency',
  'knowledge',
  // "Yardi preferred", "Spark required": a requirement tag names the skill.
  'preferred',
  'required',
  'desired',
  'desirable',
  'essential',
]);
/** "experience with Go", "proficient in R", "written in C", "using R". */
const CUES_BEFORE = new Set([
  'experience',
  'experienced',
  'proficiency',
  'proficient',
  'knowledge',
  'skilled',
  'skills',
  'expertise',
  'expert',
  'fluent',
  'fluency',
  'familiarity',
  'familiar',
  'background',
  'written',
  'programming',
  'coding',
  'developing',
  'development',
  'develop',
  'build',
  'building',
  'working',
  'work',
]);
const CUE_PREPOSITIONS = new Set(['in', 'with', 'of', 'using']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = match.index;
    const gap = start > previousEnd ? text.slice(previousEnd, start) : '';
    const first = value.charCodeAt(0);
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      isWord: value.length > 1 || isWordChar(first, value),
      spaceBefore: gap.length > 0 || tokens.length === 0,
      lineBefore: gap.includes('\n') || tokens.length === 0,
    });
    previousEnd = start + value.length;
  }
  return tokens;
}

function isWordChar(code: number, value: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /[\p{L}\p{N}]/u.test(value);
}

function buildForm(
  surface: string,
  canonical: string,
  ambiguous: boolean,
  category: string | null = null,
): SurfaceForm | null {
  const tokens = tokenize(surface.trim());
  if (tokens.length === 0) return null;
  const isSingleShortWord = tokens.length === 1 && tokens[0]!.text.length <= SHORT_FORM_MAX_LENGTH;
  return {
    tokens: tokens.map((t) => t.text),
    lowerTokens: tokens.map((t) => t.lower),
    spaceBefore: tokens.map((t, i) => i > 0 && t.spaceBefore),
    canonical,
    ambiguous: ambiguous || isSingleShortWord,
    short: isSingleShortWord,
    category,
  };
}

/** Normalised lookup key of a whole skill string: lower case, single spaces. */
function formKey(text: string): string {
  return tokenize(text.trim())
    .map((t, i) => (i > 0 && t.spaceBefore ? ` ${t.lower}` : t.lower))
    .join('');
}

export function createSkillMatcher(entries: SkillEntry[]): SkillMatcher {
  const byFirstToken = new Map<string, SurfaceForm[]>();
  const byKey = new Map<string, string>();

  const register = (surface: string, canonical: string, ambiguousForms: Set<string>, category?: string) => {
    const key = formKey(surface);
    if (key === '' || byKey.has(key)) return;
    const form = buildForm(surface, canonical, ambiguousForms.has(surface), category ?? null);
    if (!form) return;
    byKey.set(key, canonical);
    const first = form.lowerTokens[0]!;
    const list = byFirstToken.get(first) ?? [];
    list.push(form);
    byFirstToken.set(first, list);
  };

  // Names first so that a canonical name always maps to itself, even if another entry lists it as an alias.
  for (const entry of entries)
    register(entry.name, entry.name, new Set(entry.ambiguous ?? []), entry.category);
  for (const entry of entries) {
    const ambiguousForms = new Set(entry.ambiguous ?? []);
    for (const alias of entry.aliases) register(alias, entry.name, ambiguousForms, entry.category);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  // Module codes the dictionary names as "SAP XX" ("SAP SD", "SAP FICO"): read in lists after SAP.
  const sapModules = new Set(
    entries.flatMap((entry) => /^SAP ([A-Z0-9]{2,5})$/.exec(entry.name)?.slice(1) ?? []),
  );

  const extract = (text: string): string[] => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(expandVendorModuleLists(withoutClearanceTerms(text), sapModules));
    const candidates = findCandidates(tokens, byFirstToken);
    const accepted = acceptInContext(tokens, candidates);
    const seen = new Set<string>();
    const result: string[] = [];
    for (const [index, candidate] of candidates.entries()) {
      if (!accepted[index] || seen.has(candidate.form.canonical)) continue;
      seen.add(candidate.form.canonical);
      result.push(candidate.form.canonical);
    }
    return result;
  };

  const canonicalize = (name: string): string | null => {
    if (typeof name !== 'string') return null;
    const key = formKey(name);
    return key === '' ? null : (byKey.get(key) ?? null);
  };

  const canonicalizeList = (names: string[]): string[] => {
    const seen = new Set<string>();
    const result: string[] = [];
    for (const raw of names) {
      const cleaned = cleanSkillText(raw);
      if (cleaned === '') continue;
      const name = canonicalize(cleaned) ?? cleaned;
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(name);
    }
    return result;
  };

  return { extract, canonicalize, canonicalizeList };
}

function cleanSkillText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:|•·*\-–]+|[\s,;:|•·*\-–]+$/g, '')
    .trim();
}

function findCandidates(tokens: Token[], byFirstToken: Map<string, SurfaceForm[]>): Candidate[] {
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const forms = byFirstToken.get(tokens[i]!.lower);
    let matched: Candidate | null = null;
    if (forms && !isInsideCompound(tokens, i)) {
      for (const form of forms) {
        const exactCase = matchesAt(tokens, i, form);
        if (exactCase === null) continue;
        if (!startsCleanly(tokens, i, form)) continue;
        matched = { start: i, end: i + form.tokens.length, form, exactCase };
        break;
      }
    }
    if (matched) {
      candidates.push(matched);
      i = matched.end;
    } else {
      i += 1;
    }
  }
  return candidates;
}

/** Returns whether the match has exact case, or null when the form does not match at `start`. */
function matchesAt(tokens: Token[], start: number, form: SurfaceForm): boolean | null {
  if (start + form.tokens.length > tokens.length) return null;
  let exactCase = true;
  for (let j = 0; j < form.tokens.length; j++) {
    const token = tokens[start + j]!;
    if (token.lower !== form.lowerTokens[j]) return null;
    if (token.text !== form.tokens[j]) exactCase = false;
    if (j > 0 && token.spaceBefore !== form.spaceBefore[j] && !isSpacingTolerant(token.text)) return null;
  }
  return exactCase;
}

function isSpacingTolerant(tokenText: string): boolean {
  return tokenText === '/' || tokenText === '&';
}

/** ".NET" must not start inside "example.net". */
function startsCleanly(tokens: Token[], start: number, form: SurfaceForm): boolean {
  const first = tokens[start]!;
  if (first.isWord) return true;
  const previous = tokens[start - 1];
  return !previous || first.spaceBefore || !previous.isWord || form.tokens.length === 1;
}

/** "js" in "Next.js" or "learn" in "scikit-learn" (when the whole compound is unknown) is not a skill on its own. */
function isInsideCompound(tokens: Token[], index: number): boolean {
  const token = tokens[index]!;
  const joiner = tokens[index - 1];
  const before = tokens[index - 2];
  if (!token.isWord || !joiner || !before || token.spaceBefore || joiner.spaceBefore) return false;
  return (joiner.text === '.' || joiner.text === '-') && before.isWord;
}

/**
 * Security clearances ("TS/SCI", "Top Secret (TS)", "TS clearance", "Secret w/ Poly", "Public Trust", "CI Polygraph")
 * are requirements of a person, never skills: "TS" in them is not TypeScript. They are blanked before matching.
 */
const POLYGRAPH = String.raw`(?:(?:full[\s-]*scope|FSP?|CI|lifestyle)\s*)?poly(?:graph)?s?`;
const CLEARANCE_LEVEL = String.raw`(?:TS|top[\s-]+secret|secret)`;
const CLEARANCE_TERM_RE = new RegExp(
  [
    // A level joined to SCI or a polygraph: "TS/SCI", "TS-SCI w/ FS Poly", "Top Secret/SCI", "Secret with Polygraph".
    String.raw`\b${CLEARANCE_LEVEL}(?:\s*(?:\/|-|\+|&|,|\bw\/|\bwith\b|\band\b)\s*(?:SCI|${POLYGRAPH})\b)+`,
    String.raw`\btop[\s-]+secret\b(?:\s*\(TS\))?`,
    // "TS clearance", "TS cleared", "TS level", "TS eligible".
    String.raw`\bTS\b(?=\s*(?:\(|-)?\s*(?:security\s+)?(?:clearance|cleared|level|eligib))`,
    String.raw`\b(?:public\s+trust|SCI|${POLYGRAPH})\b`,
  ].join('|'),
  'gi',
);

function withoutClearanceTerms(text: string): string {
  return text.replace(CLEARANCE_TERM_RE, ' ');
}

const MODULE_JOINER = String.raw`\s*(?:\/|,|&|\band\b|\bor\b|-|\s)\s*`;
/** A product named between SAP and its modules: "SAP S/4HANA SD, MM", "SAP ECC FI/CO". */
const SAP_PRODUCT = String.raw`(?:\s+(?:S\/4\s?HANA|S4\s?HANA|ECC\s?6?(?:\.0)?|R\/3|HANA))?`;
/** Words after bare module codes that say they are modules: "SD and MM modules", "FI/CO consultant". */
const MODULE_NOUNS = String.raw`(?:modules?|consultants?|functional|configuration|implementation|lead|analyst|specialist)`;

/**
 * "SAP FI/CO", "SAP SD, MM and PP", "SAP S/4HANA SD MM": module codes listed after SAP belong to it; in a text
 * that names SAP, bare codes followed by a module noun ("FI/CO consultant", "SD and MM modules") too. Only codes
 * the dictionary knows as "SAP XX" are read, so "SAP, SQL and AWS" stays a list of three skills.
 */
function expandVendorModuleLists(text: string, modules: ReadonlySet<string>): string {
  if (modules.size === 0 || !/\bSAP\b/.test(text)) return text;
  const code = `(?:${[...modules].sort((a, b) => b.length - a.length).join('|')})`;
  const list = `${code}\\b(?:${MODULE_JOINER}${code}\\b)*`;
  const expand = (codes: string) =>
    codes
      .split(new RegExp(MODULE_JOINER))
      .filter((part) => modules.has(part))
      .map((part) => `SAP ${part}`)
      .join(' / ');
  const afterVendor = text.replace(
    new RegExp(`\\bSAP(${SAP_PRODUCT})\\s+(${list})`, 'g'),
    (_, product: string, codes: string) =>
      (product ? `SAP${product.replace(/S\/?4\s?HANA/i, 'S/4HANA')} / ` : '') + expand(codes),
  );
  const beforeModuleNoun = afterVendor.replace(
    new RegExp(`(^|[^\\p{L}\\p{N}/])(?<!SAP )(${list})(?=\\s+${MODULE_NOUNS}\\b)`, 'gu'),
    (_, lead: string, codes: string) => `${lead}${expand(codes)}`,
  );
  // "SAP modules like SD, MM and PP", "SAP Consultant (FI/CO)": two or more codes joined by "/", "," or "&" (a
  // final "and"/"or" may end such a list; "PM and QM teams" alone is no list of modules).
  const joined = String.raw`\s*(?:\/|,|&)\s*(?:(?:and|or)\s+)?`;
  const lastJoined = String.raw`(?:\s+(?:and|or)\s+${code}\b)?`;
  const listed = beforeModuleNoun.replace(
    new RegExp(`(^|[^\\p{L}\\p{N}/])(?<!SAP )(${code}\\b(?:${joined}${code}\\b)+${lastJoined})`, 'gu'),
    (_, lead: string, codes: string) => `${lead}${expand(codes)}`,
  );
  // "SAP Consultant - SD", "SAP Consultant (MM)": one code set off after SAP on the same line.
  return listed.replace(
    new RegExp(`(?<=\\bSAP\\b[^\\n]{0,60}?(?:\\(|\\s[-–]\\s))(${code})(?=\\s*(?:\\)|,|$|\\n))`, 'g'),
    (codeText: string) => `SAP ${codeText}`,
  );
}

/** "Follow us on LinkedIn", "apply via Indeed", "our LinkedIn page": the name is a channel, not a skill. */
const CALL_TO_ACTION_VERBS = new Set([
  'follow',
  'find',
  'like',
  'connect',
  'join',
  'visit',
  'share',
  'apply',
  'message',
  'contact',
  'reach',
  'see',
  'check',
  'posted',
  'watch',
  'subscribe',
]);
const CHANNEL_PREPOSITIONS = new Set(['on', 'via', 'through', 'at', 'using', 'with']);
const CHANNEL_NOUNS_AFTER = new Set([
  'page',
  'profile',
  'url',
  'link',
  'post',
  'posts',
  'feed',
  'group',
  'account',
  'channel',
  'channels',
  'handle',
]);
/** "Bachelor's degree in Computer Science, MIS": a field of study. */
const DEGREE_WORDS = new Set([
  'degree',
  'degrees',
  'bachelor',
  'bachelors',
  'master',
  'masters',
  'bs',
  'ba',
  'bsc',
  'msc',
  'ms',
  'ma',
  'mba',
  'phd',
  'major',
  'majors',
  'diploma',
]);
const LOOK_BACK_WORDS = 8;

function wordsBefore(tokens: Token[], start: number, count: number): Token[] {
  const words: Token[] = [];
  for (let i = start - 1; i >= 0 && words.length < count; i--) {
    const token = tokens[i]!;
    if (token.text === '.' && tokens[i + 1]?.spaceBefore) break;
    if (token.isWord) words.push(token);
  }
  return words;
}

/** Words of a channel list between the verb and the name: "Follow us on LinkedIn, X and Facebook". */
function isChannelListWord(word: Token): boolean {
  return (
    LIST_CONJUNCTIONS.has(word.lower) ||
    CHANNEL_PREPOSITIONS.has(word.lower) ||
    word.lower === 'us' ||
    word.lower === 'out' ||
    /^\p{Lu}/u.test(word.text)
  );
}

function isChannelMention(tokens: Token[], match: Candidate): boolean {
  const before = wordsBefore(tokens, match.start, 12);
  // "Follow us on LinkedIn, Twitter, Instagram and Facebook", "Follow Us! YouTube | LinkedIn", "Apply with
  // LinkedIn": a call to action, then "us" or a preposition, then only names and conjunctions.
  // "like" is a verb only in "like us on"; elsewhere it is "tools like Puppet".
  const verb = before.findIndex(
    (word, i) =>
      CALL_TO_ACTION_VERBS.has(word.lower) && (word.lower !== 'like' || before[i - 1]?.lower === 'us'),
  );
  const lead = verb >= 0 ? before.slice(0, verb) : [];
  const addressed = lead.some((word) => word.lower === 'us' || CHANNEL_PREPOSITIONS.has(word.lower));
  if (verb >= 0 && addressed && lead.every(isChannelListWord)) return true;
  const preposition = before.findIndex((word) => CHANNEL_PREPOSITIONS.has(word.lower));
  const namesBetween = before.slice(0, Math.max(preposition, 0)).every(isChannelListWord);
  if (preposition >= 0 && namesBetween) {
    // "reach out to the recruiter on LinkedIn", "check out the news at: BNY Newsroom, BNY LinkedIn" (not "tools
    // like Puppet ... experience with DBMS": "like" and "with" only count in "like us on", "apply with").
    const placeWord = ['on', 'via', 'through', 'at'].includes(before[preposition]!.lower);
    if (placeWord && preposition <= 2 && verb > preposition && before[verb]!.lower !== 'like') return true;
    // "our page on LinkedIn", "the company profile on Glassdoor".
    const nounBefore = before[preposition + 1];
    if (nounBefore && CHANNEL_NOUNS_AFTER.has(nounBefore.lower)) return true;
  }
  // "our LinkedIn page", "our official LinkedIn page", "visit our Website or LinkedIn Page".
  const after = tokens[match.end];
  const owned = before.slice(0, 3).some((word) => word.lower === 'our' || word.lower === 'my');
  return after !== undefined && CHANNEL_NOUNS_AFTER.has(after.lower) && (owned || verb >= 0);
}

/** Nouns that introduce a list of companies: "companies such as Google, LinkedIn", "customers including Facebook". */
const ORGANISATION_NOUNS = new Set([
  'companies',
  'company',
  'clients',
  'customers',
  'brands',
  'employers',
  'firms',
  'organisations',
  'organizations',
  'startups',
  'businesses',
  'names',
]);
/** Words that may stand between such a noun and the names: "companies (i.e. ...)", "hail from", "such as". */
const LIST_LEAD_WORDS = new Set([
  'such',
  'as',
  'including',
  'include',
  'includes',
  'like',
  'i',
  'e',
  'g',
  'eg',
  'ie',
  'from',
  'of',
]);

/** "household names such as General Electric, Dominos, LinkedIn": the names are employers, not skills. */
function isInCompanyList(tokens: Token[], match: Candidate): boolean {
  const before = wordsBefore(tokens, match.start, 14);
  const noun = before.findIndex((word) => ORGANISATION_NOUNS.has(word.lower));
  if (noun < 0) return false;
  const between = before.slice(0, noun);
  if (!between.some((word) => LIST_LEAD_WORDS.has(word.lower))) return false;
  return between.every(
    (word) =>
      LIST_LEAD_WORDS.has(word.lower) ||
      LIST_CONJUNCTIONS.has(word.lower) ||
      /^[\p{Lu}\p{N}]/u.test(word.text),
  );
}

/** Words that name a field of study before a list of them: "a discipline such as MIS, statistics". */
const FIELD_WORDS = new Set(['discipline', 'disciplines', 'subject', 'subjects']);
const DEGREE_NOUNS_AFTER = new Set(['degree', 'degrees', 'major', 'majors', 'diploma']);
const LOOK_AHEAD_WORDS = 6;

/**
 * "Bachelor's degree in Computer Science, MIS", "a discipline such as MIS", "a Management Information Systems
 * or Computer Science related degree": a field of study, named before or after the degree word.
 */
function isFieldOfStudy(tokens: Token[], match: Candidate): boolean {
  const before = wordsBefore(tokens, match.start, LOOK_BACK_WORDS);
  if (before.some((word) => DEGREE_WORDS.has(word.lower) || FIELD_WORDS.has(word.lower))) return true;
  return namesDegreeAfter(tokens, match);
}

/** "Management Information Systems or Computer Science related degree": only names and "or" up to the degree. */
function namesDegreeAfter(tokens: Token[], match: Candidate): boolean {
  let words = 0;
  for (let i = match.end; i < tokens.length && words < LOOK_AHEAD_WORDS; i++) {
    const token = tokens[i]!;
    if (token.lineBefore || (token.text === '.' && tokens[i + 1]?.spaceBefore)) return false;
    if (!token.isWord) continue;
    words++;
    // "degree-level knowledge" is a level, not a degree.
    if (DEGREE_NOUNS_AFTER.has(token.lower)) return tokens[i + 1]?.text !== '-';
    const listWord =
      LIST_CONJUNCTIONS.has(token.lower) || token.lower === 'related' || /^\p{Lu}/u.test(token.text);
    if (!listWord) return false;
  }
  return false;
}

const isShouted = (token: Token | undefined) =>
  token?.isWord === true && token.text.length >= 2 && /^\p{Lu}+$/u.test(token.text);

/** "BASIC QUALIFICATIONS": an all-capitals word inside an all-capitals heading. */
function isInShoutedHeading(tokens: Token[], candidates: Candidate[], index: number): boolean {
  const match = candidates[index]!;
  if (!isShouted(tokens[match.start])) return false;
  const before = tokens[match.start - 1];
  const after = tokens[match.end];
  const previousIsSkill = candidates[index - 1]?.end === match.start;
  const nextIsSkill = candidates[index + 1]?.start === match.end;
  return (isShouted(before) && !previousIsSkill) || (isShouted(after) && !nextIsSkill);
}

/** Prepositions before a place: "in Spring Valley", "near Swift Current". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from']);

/** "our office in Spring Valley": after a place preposition, a capitalised word makes the name a proper noun. */
function startsProperNoun(tokens: Token[], candidates: Candidate[], index: number): boolean {
  const match = candidates[index]!;
  const before = tokens[match.start - 1];
  if (!before?.isWord || !PLACE_PREPOSITIONS.has(before.lower)) return false;
  const after = tokens[match.end];
  if (!after?.isWord || !after.spaceBefore || after.lineBefore || CUES_AFTER.has(after.lower)) return false;
  if (candidates[index + 1]?.start === match.end) return false;
  return /^\p{Lu}\p{Ll}+$/u.test(after.text);
}

function acceptInContext(tokens: Token[], candidates: Candidate[]): boolean[] {
  const accepted = candidates.map(
    (c) =>
      !c.form.ambiguous &&
      !isChannelMention(tokens, c) &&
      !isInCompanyList(tokens, c) &&
      !opensAtTheEmployer(tokens, c) &&
      !isContactLabel(tokens, c) &&
      !isHyphenCompound(tokens, c),
  );
  // Ambiguous matches can vouch for their neighbours ("spark, hive, python"): iterate to a fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (let index = 0; index < candidates.length; index++) {
      if (accepted[index] || !isAcceptedInContext(tokens, candidates, accepted, index)) continue;
      accepted[index] = true;
      changed = true;
    }
  }
  return accepted;
}

function isAcceptedInContext(
  tokens: Token[],
  candidates: Candidate[],
  accepted: boolean[],
  index: number,
): boolean {
  const current = candidates[index]!;
  if (isGluedToNeighbour(tokens, current) || isChannelMention(tokens, current)) return false;
  if (isInCompanyList(tokens, current)) return false;
  if (isContactLabel(tokens, current) || isHyphenCompound(tokens, current)) return false;
  const next = candidates[index + 1];
  if (describesTheWorkplace(tokens, current) || modifiesEverydayNoun(tokens, current, next)) return false;
  if (namesEmployerOrPlace(tokens, current)) return false;
  if (isFieldOfStudy(tokens, current) || isInShoutedHeading(tokens, candidates, index)) return false;
  const previous = candidates[index - 1];
  // A written separator makes a list ("spark, hive, python"); without one an everyday word may just modify the
  // next skill ("basic SQL queries", "Basic Linux skills"), unless both are of one kind ("agile Scrum teams").
  const sameKind = (other: Candidate) =>
    other.form.category !== null && other.form.category === current.form.category;
  const listNeighbourBy = (separatorRequired: boolean) =>
    (previous !== undefined &&
      accepted[index - 1] === true &&
      onlyListSeparatorsBetween(tokens, previous.end, current.start, separatorRequired)) ||
    (next !== undefined &&
      accepted[index + 1] === true &&
      onlyListSeparatorsBetween(tokens, current.end, next.start, separatorRequired && !sameKind(next)));
  const listNeighbour = listNeighbourBy(false);
  const caseFits =
    current.exactCase || (isTitleCasedAcronym(tokens, current) && hasCueBefore(tokens, current));
  if (!caseFits || looksLikeInitial(tokens, candidates, index)) return listNeighbourBy(true);
  if (listNeighbour || hasCueWord(tokens, current)) return true;
  if (startsProperNoun(tokens, candidates, index)) return false;
  if (isListItem(tokens, current)) return true;
  const nearNeighbour =
    (previous !== undefined &&
      accepted[index - 1] === true &&
      current.start - previous.end <= NEIGHBOUR_DISTANCE) ||
    (next !== undefined && accepted[index + 1] === true && next.start - current.end <= NEIGHBOUR_DISTANCE);
  if (nearNeighbour) return true;
  return !current.form.short && followsLowerCaseWord(tokens, current.start);
}

/** "through Spark", "written in Rust": ordinary prose, unlike "Luke Swift" or a sentence starting with "Excel". */
function followsLowerCaseWord(tokens: Token[], start: number): boolean {
  const before = tokens[start - 1];
  if (!before?.isWord || tokens[start]!.lineBefore) return false;
  const first = before.text[0]!;
  return first !== first.toUpperCase();
}

/** "R. J. Reynolds", "John C. Smith": a letter, a dot and a capitalised word that is not itself a skill. */
function looksLikeInitial(tokens: Token[], candidates: Candidate[], index: number): boolean {
  const current = candidates[index]!;
  if (current.form.tokens.length !== 1 || current.form.tokens[0]!.length !== 1) return false;
  const dot = tokens[current.end];
  const following = tokens[current.end + 1];
  if (dot?.text !== '.' || dot.spaceBefore || !following?.isWord) return false;
  const startsWithCapital = following.text[0] !== following.text[0]!.toLowerCase();
  return startsWithCapital && candidates[index + 1]?.start !== current.end + 1;
}

function isGluedToNeighbour(tokens: Token[], match: Candidate): boolean {
  const before = tokens[match.start - 1];
  const first = tokens[match.start]!;
  if (before && !first.spaceBefore && JOINERS.has(before.text)) return true;
  const after = tokens[match.end];
  if (!after || after.spaceBefore) return false;
  if (JOINERS.has(after.text)) return true;
  // "R.J." is an initial, "R." ends a sentence.
  const afterNext = tokens[match.end + 1];
  return after.text === '.' && afterNext !== undefined && !afterNext.spaceBefore && afterNext.isWord;
}

/** "Email: info@acme.com", "Email dinesh@vbeyond.com", "Website www.acme.com": a contact label, not a skill. */
const ADDRESS_STARTS = new Set(['http', 'https', 'www', 'mailto']);
const TOP_LEVEL_DOMAINS = new Set(['com', 'org', 'net', 'io', 'co', 'uk', 'edu', 'gov']);

function isContactLabel(tokens: Token[], match: Candidate): boolean {
  let i = match.end;
  while (tokens[i]?.text === ':' || tokens[i]?.text === '-') i++;
  const first = tokens[i];
  if (!first || (i > match.end && first.lineBefore)) return false;
  if (ADDRESS_STARTS.has(first.lower) || first.text === '@') return true;
  // "info@acme.com", "dinesh.vbeyond.com": an address glued together without spaces, starting with a word
  // ("C#.Net" is a skill written on, not an address).
  if (!first.isWord || !first.spaceBefore) return false;
  for (let j = i + 1; j < tokens.length && !tokens[j]!.spaceBefore; j++) {
    const token = tokens[j]!;
    if (token.text === '@') return true;
    if (tokens[j - 1]!.text === '.' && TOP_LEVEL_DOMAINS.has(token.lower)) return true;
  }
  return false;
}

/**
 * "Flex-time policy", "Go-getter": a word joined by a hyphen to a lower-case word forms another word;
 * "Java-based", "Python-driven" still name the skill.
 */
const SKILL_MODIFIER_SUFFIXES = new Set([
  'based',
  'driven',
  'powered',
  'like',
  'related',
  'focused',
  'heavy',
  'centric',
  'native',
  'first',
  'enabled',
  'certified',
  'savvy',
  'specific',
  'compatible',
  'friendly',
  'oriented',
  'backed',
  'only',
  'style',
  'ready',
]);

function isHyphenCompound(tokens: Token[], match: Candidate): boolean {
  if (match.form.tokens.length !== 1 || !/^\p{L}+$/u.test(match.form.tokens[0]!)) return false;
  const hyphen = tokens[match.end];
  const word = tokens[match.end + 1];
  if (hyphen?.text !== '-' || hyphen.spaceBefore || !word?.isWord || word.spaceBefore) return false;
  return word.text === word.lower && !SKILL_MODIFIER_SUFFIXES.has(word.lower);
}

/** "in an Agile environment", "a lean/agile manner": an everyday word describing how the team works. */
const WORKPLACE_NOUNS = new Set([
  'environment',
  'environments',
  'manner',
  'setting',
  'culture',
  'mindset',
  'way',
  'ways',
  'workplace',
  'organisation',
  'organization',
]);
const ARTICLES = new Set(['a', 'an', 'the', 'our', 'this']);

/** Nouns a technology name modifies: "a React application", "a Go service", "the Spring codebase". */
const TECH_NOUNS_AFTER = new Set([
  ...CUES_AFTER,
  'app',
  'apps',
  'application',
  'applications',
  'component',
  'components',
  'codebase',
  'api',
  'apis',
  'service',
  'services',
  'microservice',
  'microservices',
  'backend',
  'frontend',
  'project',
  'projects',
  'platform',
  'version',
  'ecosystem',
  'program',
  'programs',
  'programmer',
  'programmers',
  'interpreter',
  'compiler',
  'query',
  'queries',
  'database',
  'databases',
  'server',
  'servers',
  'methodology',
  'methodologies',
  'method',
  'methods',
  'practices',
  'principles',
  'ceremonies',
  'solution',
  'solutions',
  'system',
  'systems',
  'tool',
  'tools',
  'software',
  'commands',
  'syntax',
  'scripts',
]);
/** Words after a name that do not make it an adjective: "the UNIX and cluster environment", "its MIS or data". */
const FUNCTION_WORDS = new Set([
  ...LIST_CONJUNCTIONS,
  'of',
  'in',
  'to',
  'for',
  'with',
  'is',
  'are',
  'as',
  'on',
  'at',
]);
const DETERMINERS = new Set([...ARTICLES, 'their', 'your', 'its', 'his', 'her', 'every', 'any', 'some']);

/**
 * "a BASIC understanding", "an Agile team", "a swift response": an everyday word between a determiner and an
 * ordinary noun is its adjective; a technology there modifies a technical noun ("a React application").
 */
function modifiesEverydayNoun(tokens: Token[], match: Candidate, next: Candidate | undefined): boolean {
  // "an agile Scrum cadence": the next word is a skill itself.
  if (match.form.tokens.length !== 1 || next?.start === match.end) return false;
  const before = tokens[match.start - 1];
  const after = tokens[match.end];
  if (!before?.isWord || !DETERMINERS.has(before.lower)) return false;
  if (!after?.isWord || !after.spaceBefore || after.lineBefore || !/^\p{Ll}/u.test(after.text)) return false;
  return !TECH_NOUNS_AFTER.has(after.lower) && !FUNCTION_WORDS.has(after.lower);
}

/** Words before "at" that make "at X" a skill ("good at Excel") rather than an employer ("a role at Oracle"). */
const PROFICIENCY_BEFORE_AT = new Set([
  'good',
  'great',
  'proficient',
  'skilled',
  'adept',
  'expert',
  'excellent',
  'strong',
  'competent',
  'experienced',
  'better',
  'best',
]);

/** "a developer at Oracle", "join us at Spring": after "at" an everyday-word name is an employer or a place. */
/** "At Salesforce, we believe...", "At Oracle, our teams...": a sentence opening at the employer. */
function opensAtTheEmployer(tokens: Token[], match: Candidate): boolean {
  const before = tokens[match.start - 1];
  if (before?.text !== 'At') return false;
  const opensSentence = match.start === 1 || before.lineBefore || tokens[match.start - 2]?.text === '.';
  if (!opensSentence) return false;
  const comma = tokens[match.end];
  const subject = tokens[match.end + 1];
  return (
    comma?.text === ',' && subject !== undefined && /^(?:we|our|you|everyone|people)$/i.test(subject.text)
  );
}

function namesEmployerOrPlace(tokens: Token[], match: Candidate): boolean {
  const before = tokens[match.start - 1];
  if (!before?.isWord || before.lower !== 'at') return false;
  const beforeAt = tokens[match.start - 2];
  return !(beforeAt?.isWord && PROFICIENCY_BEFORE_AT.has(beforeAt.lower));
}

function describesTheWorkplace(tokens: Token[], match: Candidate): boolean {
  const after = tokens[match.end];
  if (!after || !WORKPLACE_NOUNS.has(after.lower)) return false;
  const before = wordsBefore(tokens, match.start, 3).map((t) => t.lower);
  return before.some((word) => ARTICLES.has(word));
}

/** "Matlab" for "MATLAB", "Unix" for "UNIX": an acronym written in title case. */
function isTitleCasedAcronym(tokens: Token[], match: Candidate): boolean {
  const form = match.form.tokens[0]!;
  const written = tokens[match.start]!.text;
  return (
    match.form.tokens.length === 1 &&
    form.length >= 4 &&
    /^\p{Lu}+$/u.test(form) &&
    written === `${form[0]}${form.slice(1).toLowerCase()}`
  );
}

function isSeparator(token: Token): boolean {
  return LIST_DELIMITERS.has(token.text) || LIST_CONJUNCTIONS.has(token.lower);
}

function onlyListSeparatorsBetween(
  tokens: Token[],
  from: number,
  to: number,
  separatorRequired = false,
): boolean {
  if (to - from > 3 || (separatorRequired && to === from)) return false;
  for (let i = from; i < to; i++) if (!isSeparator(tokens[i]!)) return false;
  return true;
}

/** The match is a whole item of a list: bounded by delimiters, line breaks or the ends of the text. */
function isListItem(tokens: Token[], match: Candidate): boolean {
  const before = tokens[match.start - 1];
  const first = tokens[match.start]!;
  const after = tokens[match.end];
  const openLeft = !before || first.lineBefore || isSeparator(before) || before.text === '-';
  const openRight = !after || after.lineBefore || isSeparator(after) || after.text === '.';
  return openLeft && openRight;
}

function hasCueWord(tokens: Token[], match: Candidate): boolean {
  const after = tokens[match.end];
  if (after && CUES_AFTER.has(after.lower)) return true;
  return hasCueBefore(tokens, match);
}

/** "working with Matlab", "using R": the words before name a tool ("Basic knowledge" has its cue after). */
function hasCueBefore(tokens: Token[], match: Candidate): boolean {
  const before = tokens[match.start - 1];
  if (!before) return false;
  if (before.lower === 'using') return true;
  const beforeThat = tokens[match.start - 2];
  return CUE_PREPOSITIONS.has(before.lower) && beforeThat !== undefined && CUES_BEFORE.has(beforeThat.lower);
}
