/**
 * Turns a free-text job role ("Sr. Python Dev II", "Fullstack JS Engr") into a canonical-ish token form
 * ("python developer", "full stack javascript engineer") plus the seniority it carried.
 *
 * Decisions (kept consistent with assets/role-seed.json):
 * - QA stays the canonical token: "Quality Assurance" becomes "qa".
 * - PM means Project Manager (the usual reading in IT staffing); Product Manager must be spelled out.
 *   TPM follows: Technical Project Manager.
 * - Programmer is a synonym of Developer; Engineer is kept distinct (Data Engineer is not Data Developer).
 * - Seniority is a closed ladder; Manager and Director are roles, not seniority.
 * - Rank nouns (Lead, Principal, Staff, Associate) are seniority only before the role noun:
 *   "Lead Developer" is a senior developer, "Tech Lead" is a role.
 * - Numeric levels: 1/I → junior, 2/II → mid, 3/III → senior, 4/IV → staff, 5+/V → principal.
 *   Ladder levels L1..L3 → junior, L4 → mid, L5 → senior, L6 → staff, L7+ → principal.
 */

export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'staff', 'principal'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface CleanedRole {
  cleaned: string;
  seniority: Seniority | null;
  display: string;
}

export const MAX_ROLE_TEXT_LENGTH = 120;

export type RoleTextValidation = { ok: true } | { ok: false; reason: string };

export function validateRoleText(text: string): RoleTextValidation {
  if (typeof text !== 'string') return { ok: false, reason: 'role text must be a string' };
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'role text is empty' };
  if ([...trimmed].length < 2) return { ok: false, reason: 'role text is a single character' };
  if (trimmed.length > MAX_ROLE_TEXT_LENGTH) {
    return { ok: false, reason: `role text is longer than ${MAX_ROLE_TEXT_LENGTH} characters` };
  }
  if (!/\p{L}/u.test(trimmed)) return { ok: false, reason: 'role text contains no letters' };
  return { ok: true };
}

/** Multi-word rewrites, matched longest first on lower-case tokens. Outputs are fixed points. */
const PHRASE_REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['software development engineer in test', 'sdet'],
  ['software design engineer in test', 'sdet'],
  ['quality assurance', 'qa'],
  ['engineer manager', 'engineering manager'],
  ['lead generation', 'leadgen'],
  ['chief technology officer', 'cto'],
  ['chief technical officer', 'cto'],
  ['chief information security officer', 'ciso'],
  ['chief information officer', 'cio'],
  ['chief data officer', 'cdo'],
  ['quality control', 'qc'],
  ['front end', 'frontend'],
  ['back end', 'backend'],
  ['dev ops', 'devops'],
  ['devops sre', 'devops'],
  ['engineering program manager', 'technical program manager'],
  ['solutions engineer', 'sales engineer'],
  ['solution engineer', 'sales engineer'],
  ['solutions engineering', 'sales engineering'],
  ['solution engineering', 'sales engineering'],
  ['customer engineer', 'sales engineer'],
  ['customer engineering', 'sales engineering'],
  ['ai ml', 'machine learning'],
  ['ml ai', 'machine learning'],
  ['ai machine learning', 'machine learning'],
  ['sre devops', 'devops'],
  ['dev sec ops', 'devsecops'],
  ['sec ops', 'secops'],
  ['ml ops', 'mlops'],
  ['ux ui', 'ui ux'],
  ['node js', 'node.js'],
  ['vue js', 'vue.js'],
  ['react js', 'react'],
  ['angular js', 'angular'],
  ['next js', 'next.js'],
  ['dot net', '.net'],
  ['asp net', 'asp.net'],
  ['vb net', 'vb.net'],
  ['c sharp', 'c#'],
  ['objective c', 'objective-c'],
  ['e commerce', 'ecommerce'],
  ['cyber security', 'cybersecurity'],
  ['info sec', 'information security'],
  ['sys admin', 'systems administrator'],
  ['help desk', 'helpdesk'],
  ['artificial intelligence', 'ai'],
  ['user experience', 'ux'],
  ['user interface', 'ui'],
  ['amazon web services', 'aws'],
  ['google cloud platform', 'gcp'],
  ['google cloud', 'gcp'],
  ['information technology', 'it'],
  ['local area network', 'lan'],
  ['wide area network', 'wan'],
  ['power bi', 'power bi'],
  ['rest api', 'api'],
  ['ci cd', 'ci cd'],
  ['ruby on rails', 'ruby on rails'],
  ['big data', 'big data'],
  ['site reliability', 'site reliability'],
];

/** Single-token rewrites. Every output token is itself a fixed point. */
const TOKEN_REWRITES: Readonly<Record<string, string>> = {
  dev: 'developer',
  devs: 'developer',
  developers: 'developer',
  programmer: 'developer',
  programmers: 'developer',
  eng: 'engineer',
  engr: 'engineer',
  engg: 'engineer',
  engineers: 'engineer',
  sde: 'software development engineer',
  sqa: 'qa',
  aqa: 'qa automation engineer',
  powerbi: 'power bi',
  infosec: 'information security',
  swe: 'software engineer',
  sre: 'site reliability engineer',
  mle: 'machine learning engineer',
  ba: 'business analyst',
  pm: 'project manager',
  tpm: 'technical project manager',
  po: 'product owner',
  mgr: 'manager',
  mngr: 'manager',
  managers: 'manager',
  admin: 'administrator',
  admins: 'administrator',
  administrators: 'administrator',
  sysadmin: 'systems administrator',
  arch: 'architect',
  architects: 'architect',
  ml: 'machine learning',
  dba: 'database administrator',
  fe: 'frontend',
  be: 'backend',
  fullstack: 'full stack',
  js: 'javascript',
  ts: 'typescript',
  golang: 'go',
  nodejs: 'node.js',
  node: 'node.js',
  vue: 'vue.js',
  vuejs: 'vue.js',
  reactjs: 'react',
  'react.js': 'react',
  angularjs: 'angular',
  'angular.js': 'angular',
  nextjs: 'next.js',
  dotnet: '.net',
  csharp: 'c#',
  cpp: 'c++',
  k8s: 'kubernetes',
  ror: 'ruby on rails',
  rails: 'ruby on rails',
  sfdc: 'salesforce',
  postgres: 'postgresql',
  tech: 'technical',
  sw: 'software',
  hw: 'hardware',
  sys: 'systems',
  system: 'systems',
  mgmt: 'management',
  app: 'application',
  apps: 'application',
  applications: 'application',
  analysts: 'analyst',
  designers: 'designer',
  testers: 'tester',
  scientists: 'scientist',
  specialists: 'specialist',
  consultants: 'consultant',
  technicians: 'technician',
  associates: 'associate',
  executives: 'executive',
  representatives: 'representative',
  coordinators: 'coordinator',
  officers: 'officer',
  assistants: 'assistant',
  nurses: 'nurse',
  drivers: 'driver',
  strategists: 'strategist',
  researchers: 'researcher',
  owners: 'owner',
  principle: 'principal',
  programme: 'program',
  unity3d: 'unity',
  programmes: 'program',
  frontends: 'frontend',
  net: '.net',
};

/** Abbreviations and spellings the cleaner rewrites ("admin", "golang", "fullstack"). */
export const REWRITTEN_TOKENS: readonly string[] = Object.keys(TOKEN_REWRITES);

/** Words that describe the posting, not the role. */
const NOISE_PHRASES: ReadonlyArray<string> = [
  'work from home',
  'full time',
  'part time',
  'corp to corp',
  'on site',
  'remote',
  'hybrid',
  'onsite',
  'contract',
  'contractor',
  'freelance',
  'freelancer',
  'temporary',
  'temp',
  'permanent',
  'perm',
  'fulltime',
  'parttime',
  'w2',
  'c2c',
  '1099',
  'wfh',
  'urgent',
  'position',
  'opening',
  'vacancy',
  'job',
  'role',
];

/** Seniority words removed wherever they appear. */
const ADJECTIVE_SENIORITY: ReadonlyArray<readonly [string, Seniority]> = [
  ['entry level', 'junior'],
  ['mid level', 'mid'],
  ['mid senior', 'senior'],
  ['new grad', 'junior'],
  ['early career', 'junior'],
  ['senior', 'senior'],
  ['sr', 'senior'],
  ['snr', 'senior'],
  ['junior', 'junior'],
  ['jr', 'junior'],
  ['jnr', 'junior'],
  ['mid', 'mid'],
  ['intermediate', 'mid'],
  ['graduate', 'junior'],
  ['trainee', 'intern'],
  ['intern', 'intern'],
  ['internship', 'intern'],
  ['apprentice', 'intern'],
];

/** Rank nouns: seniority before the role noun, a role of their own when last ("Tech Lead"). */
const RANK_SENIORITY: Readonly<Record<string, Seniority>> = {
  lead: 'lead',
  principal: 'principal',
  staff: 'staff',
  associate: 'junior',
};

const ROMAN_LEVELS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

const SENIORITY_RANK = new Map<Seniority, number>(SENIORITIES.map((s, i) => [s, i]));

function seniorityForLevel(level: number): Seniority {
  if (level <= 1) return 'junior';
  if (level === 2) return 'mid';
  if (level === 3) return 'senior';
  if (level === 4) return 'staff';
  return 'principal';
}

function seniorityForLadder(level: number): Seniority {
  if (level <= 3) return 'junior';
  if (level === 4) return 'mid';
  if (level === 5) return 'senior';
  if (level === 6) return 'staff';
  return 'principal';
}

function strongest(a: Seniority | null, b: Seniority | null): Seniority | null {
  if (a === null) return b;
  if (b === null) return a;
  return (SENIORITY_RANK.get(a) ?? 0) >= (SENIORITY_RANK.get(b) ?? 0) ? a : b;
}

function splitPhrase(phrase: string): string[] {
  return phrase.split(' ');
}

const PHRASE_TABLE = PHRASE_REWRITES.map(([from, to]) => ({
  from: splitPhrase(from),
  to: splitPhrase(to),
})).sort((a, b) => b.from.length - a.from.length);
const NOISE_TABLE = NOISE_PHRASES.map(splitPhrase).sort((a, b) => b.length - a.length);
const ADJECTIVE_TABLE = ADJECTIVE_SENIORITY.map(([from, level]) => ({ from: splitPhrase(from), level })).sort(
  (a, b) => b.from.length - a.from.length,
);

function startsWithAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  return phrase.every((word, k) => tokens[at + k] === word);
}

/** Abbreviations glued to a level digit: "sde2", "swe3". */
const GLUED_LEVEL = /^(sde|swe|sdet|sre|developer|engineer|dev|eng|analyst|l)(\d{1,2})$/;

/** Lower case without diacritics: the form every role word is compared in ("Inżynier" → "inzynier"). */
export function foldRoleText(text: string): string {
  // Only Latin letters lose their marks: Cyrillic "й" and "ї" are letters of their own.
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u0020-\u024f\u1e00-\u1eff]+/gu, (latin) => latin.normalize('NFKD').replace(/\p{M}/gu, ''));
}

function tokenize(text: string): string[] {
  const normalized = foldRoleText(text)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\bc\s+(#|\+\+)/g, 'c$1');
  const raw = normalized.split(/[^\p{L}\p{N}#+.]+/u);
  const tokens: string[] = [];
  for (const piece of raw) {
    const token = trimDots(piece);
    if (token.length === 0 || !/[\p{L}\p{N}]/u.test(token)) continue;
    const glued = GLUED_LEVEL.exec(token);
    if (glued && glued[1] !== 'l') tokens.push(glued[1]!, glued[2]!);
    else tokens.push(...splitDottedWords(token));
  }
  return tokens;
}

/** Keeps ".net" and "node.js"; drops sentence dots ("sr." → "sr"). */
function trimDots(piece: string): string {
  const withoutTrailing = piece.replace(/\.+$/, '');
  return /^\.[a-z]/.test(withoutTrailing) ? withoutTrailing : withoutTrailing.replace(/^\.+/, '');
}

/** "developer.java" is two words; "node.js", "asp.net", "3.5" are one. */
function splitDottedWords(token: string): string[] {
  const parts = token.split('.');
  if (parts.length <= 1 || token.startsWith('.')) return [token];
  const last = parts[parts.length - 1]!;
  if (/^\d+$/.test(last) || last.length <= 3) return [token];
  return parts.filter((p) => p.length > 0);
}

function applyRewrites(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const phrase = PHRASE_TABLE.find((p) => startsWithAt(tokens, i, p.from));
    if (phrase) {
      out.push(...phrase.to);
      i += phrase.from.length;
      continue;
    }
    const token = tokens[i]!;
    const rewrite = TOKEN_REWRITES[token];
    out.push(...(rewrite === undefined ? [token] : splitPhrase(rewrite)));
    i += 1;
  }
  return out;
}

function removeNoise(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const noise = NOISE_TABLE.find((p) => startsWithAt(tokens, i, p));
    if (noise) {
      i += noise.length;
      continue;
    }
    out.push(tokens[i]!);
    i += 1;
  }
  return out;
}

const LEVEL_WORDS = new Set(['level', 'lvl', 'grade', 'band']);

function levelOf(token: string): number | null {
  const roman = ROMAN_LEVELS[token];
  if (roman !== undefined) return roman;
  if (/^[1-9]$/.test(token)) return Number(token);
  return null;
}

function extractSeniority(tokens: readonly string[]): { tokens: string[]; seniority: Seniority | null } {
  let seniority: Seniority | null = null;
  const kept: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const adjective = ADJECTIVE_TABLE.find((p) => startsWithAt(tokens, i, p.from));
    if (adjective) {
      seniority = strongest(seniority, adjective.level);
      i += adjective.from.length;
      continue;
    }
    const ladder = /^l(\d{1,2})$/.exec(token);
    if (ladder) {
      seniority = strongest(seniority, seniorityForLadder(Number(ladder[1])));
      i += 1;
      continue;
    }
    const next = tokens[i + 1];
    if (LEVEL_WORDS.has(token) && next !== undefined && levelOf(next) !== null) {
      seniority = strongest(seniority, seniorityForLevel(levelOf(next)!));
      i += 2;
      continue;
    }
    const rank = RANK_SENIORITY[token];
    if (rank !== undefined && i < tokens.length - 1) {
      seniority = strongest(seniority, rank);
      i += 1;
      continue;
    }
    kept.push(token);
    i += 1;
  }
  // Level numerals are only trusted at the end ("Engineer II"), never inside ("Web 3 Developer").
  while (kept.length > 1) {
    const level = levelOf(kept[kept.length - 1]!);
    if (level === null) break;
    seniority = strongest(seniority, seniorityForLevel(level));
    kept.pop();
  }
  return { tokens: kept, seniority };
}

function dropRepeats(tokens: readonly string[]): string[] {
  return tokens.filter((token, i) => token !== tokens[i - 1]);
}

function cleanOnce(text: string): { tokens: string[]; seniority: Seniority | null } {
  const rewritten = applyRewrites(tokenize(text));
  const withoutNoise = removeNoise(rewritten);
  const base = withoutNoise.length > 0 ? withoutNoise : rewritten;
  const { tokens, seniority } = extractSeniority(base);
  if (tokens.length === 0) return { tokens: dropRepeats(base), seniority: null };
  return { tokens: dropRepeats(tokens), seniority };
}

const MAX_CLEANING_PASSES = 4;

/**
 * The cleaned token list of a role text. One pass can create new matches for the rewrite rules
 * ("ux ui ux ui" → "ui ux ui ux"), so cleaning repeats until it reaches a fixed point.
 */
export function cleanRoleTokens(text: string): { tokens: string[]; seniority: Seniority | null } {
  let result = cleanOnce(text);
  for (let pass = 1; pass < MAX_CLEANING_PASSES; pass++) {
    const joined = result.tokens.join(' ');
    const next = cleanOnce(joined);
    if (next.tokens.join(' ') === joined) break;
    result = { tokens: next.tokens, seniority: strongest(result.seniority, next.seniority) };
  }
  return result;
}

export function cleanRoleText(text: string): CleanedRole {
  const { tokens, seniority } = cleanRoleTokens(typeof text === 'string' ? text : '');
  const cleaned = tokens.join(' ');
  return { cleaned, seniority, display: displayRoleName(cleaned) };
}

const DISPLAY_PHRASES: ReadonlyArray<readonly [string, string]> = [['ui ux', 'UI/UX']];

const DISPLAY_WORDS: Readonly<Record<string, string>> = {
  '.net': '.NET',
  'asp.net': 'ASP.NET',
  'vb.net': 'VB.NET',
  'node.js': 'Node.js',
  'vue.js': 'Vue.js',
  'next.js': 'Next.js',
  'objective-c': 'Objective-C',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  devops: 'DevOps',
  devsecops: 'DevSecOps',
  mlops: 'MLOps',
  secops: 'SecOps',
  ios: 'iOS',
  mysql: 'MySQL',
  postgresql: 'PostgreSQL',
  mongodb: 'MongoDB',
  graphql: 'GraphQL',
  servicenow: 'ServiceNow',
  sharepoint: 'SharePoint',
  powershell: 'PowerShell',
  mulesoft: 'MuleSoft',
  netsuite: 'NetSuite',
  peoplesoft: 'PeopleSoft',
  wordpress: 'WordPress',
  jquery: 'jQuery',
  ecommerce: 'E-Commerce',
  leadgen: 'Lead Generation',
};

const UPPERCASE_WORDS = new Set([
  'qa',
  '1c',
  'qc',
  'ui',
  'ux',
  'it',
  'aws',
  'gcp',
  'sap',
  'abap',
  'etl',
  'elt',
  'bi',
  'ai',
  'api',
  'sql',
  'erp',
  'crm',
  'hr',
  'iot',
  'nlp',
  'gis',
  'sdet',
  'soc',
  'php',
  'css',
  'html',
  'xml',
  'rpa',
  'ci',
  'cd',
  'lan',
  'wan',
  'voip',
  'edi',
  'mis',
  'cto',
  'cio',
  'ciso',
  'vp',
  'sas',
  'ssis',
  'ssrs',
  'tsql',
  'plsql',
  'j2ee',
  'aem',
  'cad',
  'noc',
  'seo',
  'llm',
  'ar',
  'vr',
]);

const LOWERCASE_CONNECTORS = new Set(['and', 'of', 'in', 'on', 'for', 'the', 'to', 'with', 'a', 'an']);

function displayWord(word: string, first: boolean): string {
  const special = DISPLAY_WORDS[word];
  if (special !== undefined) return special;
  if (UPPERCASE_WORDS.has(word)) return word.toUpperCase();
  if (!first && LOWERCASE_CONNECTORS.has(word)) return word;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Title Case for cleaned role text, with technology and acronym casing. */
export function displayRoleName(cleaned: string): string {
  let text = ` ${cleaned} `;
  const placeholders: string[] = [];
  for (const [phrase, shown] of DISPLAY_PHRASES) {
    if (text.includes(` ${phrase} `)) {
      placeholders.push(shown);
      text = text.replaceAll(` ${phrase} `, ` \u0000${placeholders.length - 1} `);
    }
  }
  return text
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map((word, i) =>
      word.startsWith('\u0000') ? placeholders[Number(word.slice(1))]! : displayWord(word, i === 0),
    )
    .join(' ');
}
