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

function buildForm(surface: string, canonical: string, ambiguous: boolean): SurfaceForm | null {
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

  const register = (surface: string, canonical: string, ambiguousForms: Set<string>) => {
    const key = formKey(surface);
    if (key === '' || byKey.has(key)) return;
    const form = buildForm(surface, canonical, ambiguousForms.has(surface));
    if (!form) return;
    byKey.set(key, canonical);
    const first = form.lowerTokens[0]!;
    const list = byFirstToken.get(first) ?? [];
    list.push(form);
    byFirstToken.set(first, list);
  };

  // Names first so that a canonical name always maps to itself, even if another entry lists it as an alias.
  for (const entry of entries) register(entry.name, entry.name, new Set(entry.ambiguous ?? []));
  for (const entry of entries) {
    const ambiguousForms = new Set(entry.ambiguous ?? []);
    for (const alias of entry.aliases) register(alias, entry.name, ambiguousForms);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const extract = (text: string): string[] => {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(expandVendorModuleLists(withoutClearanceTerms(text)));
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

/** "SAP FI/CO", "SAP SD/MM/PP": module codes after a slash belong to the vendor too. */
function expandVendorModuleLists(text: string): string {
  return text.replace(
    /\b(SAP)\s+([A-Z]{2,4})((?:\s*\/\s*[A-Z]{2,4}\b)+)/g,
    (_, vendor, first, rest: string) =>
      [
        first,
        ...rest
          .split('/')
          .map((code) => code.trim())
          .filter(Boolean),
      ]
        .map((code) => `${vendor} ${code}`)
        .join(' / '),
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
]);
const CHANNEL_PREPOSITIONS = new Set(['on', 'via', 'through', 'at', 'using']);
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

function isChannelMention(tokens: Token[], match: Candidate): boolean {
  const before = wordsBefore(tokens, match.start, 6);
  // "on LinkedIn", also "on LinkedIn and Facebook": the preposition may precede a list of channels.
  const preposition = before.findIndex((word) => CHANNEL_PREPOSITIONS.has(word.lower));
  const listBetween = before
    .slice(0, Math.max(preposition, 0))
    .every((word) => LIST_CONJUNCTIONS.has(word.lower) || /^\p{Lu}/u.test(word.text));
  if (preposition >= 0 && preposition <= 2 && listBetween) {
    if (before.slice(preposition + 1).some((word) => CALL_TO_ACTION_VERBS.has(word.lower))) return true;
  }
  const after = tokens[match.end];
  const ownedBefore = before[0]?.lower === 'our' || before[0]?.lower === 'my';
  return after !== undefined && ownedBefore && CHANNEL_NOUNS_AFTER.has(after.lower);
}

function isFieldOfStudy(tokens: Token[], match: Candidate): boolean {
  return wordsBefore(tokens, match.start, LOOK_BACK_WORDS).some((word) => DEGREE_WORDS.has(word.lower));
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
  if (isContactLabel(tokens, current) || isHyphenCompound(tokens, current)) return false;
  if (describesTheWorkplace(tokens, current)) return false;
  if (isFieldOfStudy(tokens, current) || isInShoutedHeading(tokens, candidates, index)) return false;
  const previous = candidates[index - 1];
  const next = candidates[index + 1];
  const listNeighbour =
    (previous !== undefined &&
      accepted[index - 1] === true &&
      onlyListSeparatorsBetween(tokens, previous.end, current.start)) ||
    (next !== undefined &&
      accepted[index + 1] === true &&
      onlyListSeparatorsBetween(tokens, current.end, next.start));
  const caseFits =
    current.exactCase || (isTitleCasedAcronym(tokens, current) && hasCueBefore(tokens, current));
  if (!caseFits || looksLikeInitial(tokens, candidates, index)) return listNeighbour;
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

function onlyListSeparatorsBetween(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
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
