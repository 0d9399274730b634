/**
 * Splits a job title into the parts a role is decided from:
 * - noise: location tails, contract terms, clearance (TS/SCI, SC, DV), visa, remote/hybrid, language
 *   requirements, gender markers ((m/w/d), (k/m)), salary, requisition codes, emoji;
 * - the role phrase: the head segment's function noun (developer, engineer, analyst, scientist, manager, ...)
 *   with the specialty and technology words before it; a team or product after a separator is dropped unless
 *   it is only a stack specialty for a generic head ("Software Engineer, Frontend");
 * - seniority, read from the whole title (English, Ukrainian, Russian, Polish and German words).
 * The role phrase is what role normalization matches and names roles from, so noise never reaches a name.
 */

import { isPlaceName } from '../location.js';
import {
  cleanRoleTokens,
  displayRoleName,
  foldRoleText,
  REWRITTEN_TOKENS,
  type Seniority,
} from './clean-role-text.js';
import { editDistance } from './edit-distance.js';
import { facetsOfTokens, GENERIC_ROLE_WORDS, TECHNOLOGY_TOKENS } from './technology-conflict.js';
import { buildSoundIndex, englishLoanword } from './transliterate.js';

export type RoleDomain = 'it' | 'non-it' | 'unknown';

export interface ParsedRoleTitle {
  /** Cleaned tokens of the role phrase ("software engineer"); empty when the title names no role. */
  tokens: string[];
  /** Display name built from the tokens ("Software Engineer"). */
  name: string;
  seniority: Seniority | null;
  /** The role noun the phrase ends in (a cleaned token), or null when none was recognised. */
  function: string | null;
  /** Specialty and technology facets of the phrase (facet ids of technology-conflict.ts). */
  specialties: string[];
  /** Words of the phrase outside the lexicon ("forward deployed" in "Forward Deployed Engineer"). */
  qualifiers: string[];
  domain: RoleDomain;
  /** Pieces removed as noise, as written. */
  noise: string[];
}

/** Cleaned tokens that name what a person is. Multi-word entries are matched as phrases. */
const IT_FUNCTIONS = new Set([
  'developer',
  'engineer',
  'architect',
  'administrator',
  'tester',
  'sdet',
  'programmer',
  'coder',
]);
const SHARED_FUNCTIONS = new Set([
  'analyst',
  'scientist',
  'manager',
  'director',
  'designer',
  'consultant',
  'specialist',
  'technician',
  'owner',
  'master',
  'lead',
  'head',
  'officer',
  'coordinator',
  'researcher',
  'strategist',
  'advocate',
  'expert',
  'modeller',
  'modeler',
  'evaluator',
  'statistician',
  'partner',
  'executive',
  'representative',
  'associate',
  'assistant',
  'supervisor',
  'trainer',
  'coach',
  'writer',
  'operator',
  'agent',
  'vp',
  'cto',
  'cio',
  'ciso',
  'cdo',
  'counsel',
  'paralegal',
  'nurse',
  'professional',
  'clerk',
  'aide',
  'guard',
  'pilot',
  'chef',
  'cook',
]);
/** Agent nouns of occupations outside IT: "Gemologist", "Dispatcher", "Carpenter" are titles, "asdf" is not. */
const AGENT_NOUN = /^\p{L}{3,}(?:er|or|ist|ian|ant|ent|eer|man|men|ess|ive|ee)$/u;

/** Words that place a role outside IT whatever its function word: a civil engineer is no software engineer. */
const NON_IT_WORDS = new Set(
  (
    'civil mechanical electrical chemical structural process manufacturing mechanic construction geotechnical ' +
    'geologist geology marine naval port tugboat ship ships aerospace flight agricultural environmental ' +
    'nuclear radiological optical fire materials power plant energy solar wind controls cabling draftsman ' +
    'drafter cad cnc bim tendering purchasing procurement module etch diffusion silicon validation ' +
    'nurse nursing medical clinical laboratory lab pharmacovigilance toxicology biology biologist chemist ' +
    'chemistry pharma pharmacology food formulations formulation physician dentist therapist dermatologist ' +
    'pediatrician sales account accounts marketing brand finance financial accountant accounting audit tax ' +
    'treasury payroll legal counsel paralegal lawyer compliance recruiter recruiting talent hr people ' +
    'housekeeping housekeeper cashier driver bus transit carpenter mason teacher mentor actor fitness ' +
    'massage underwriter underwriting credit loans investment insurance actuarial procurement planner ' +
    'electrician elektroniker elektriker mail carrier concierge clerk dispatcher assembler insulator ' +
    'photographer landscape industrial hygiene bartender barback gemologist hatchery farm roaster deboner ' +
    'seafood cowboy tile home renewals revenue partnerships demand cashiering'
  ).split(/\s+/),
);

/** Function words that qualify no specialty on their own ("Senior Manager, Enterprise Security"). */
const MANAGEMENT_WORDS = new Set(['manager', 'director', 'head', 'lead', 'vp', 'supervisor', 'leader']);

/** Disciplines named after a management word: "Head of Data Science" → data science manager. */
const DISCIPLINE_NOUNS = new Set([
  'engineering',
  'science',
  'analytics',
  'architecture',
  'design',
  'development',
  'security',
  'infrastructure',
  'data',
  'product',
  'products',
  'qa',
  'operations',
  'support',
]);

/** Stack specialties a team suffix may contribute to a generic head ("Software Engineer, Backend"). */
const STACK_SUFFIXES = new Set([
  'frontend',
  'backend',
  'full stack',
  'ios',
  'android',
  'mobile',
  'machine learning',
]);
/** Languages and frameworks: a domain specialty beside one defines the role ("Rust Blockchain Engineer"). */
export const LANGUAGE_FACETS = new Set([
  'java',
  'python',
  '.net',
  'javascript',
  'react',
  'angular',
  'vue',
  'node.js',
  'go',
  'rust',
  'c',
  'c++',
  'ruby',
  'php',
  'scala',
  'kotlin',
  'swift',
  'perl',
  'r',
  'spring',
  'django',
  'next.js',
]);

const GENERIC_HEADS = new Set([
  'software engineer',
  'engineer',
  'software developer',
  'developer',
  'product engineer',
  'software development engineer',
]);

const LANGUAGES =
  'english|german|french|spanish|italian|portuguese|brazilian portuguese|dutch|polish|ukrainian|russian|' +
  'mandarin|cantonese|chinese|japanese|korean|arabic|hebrew|turkish|swedish|danish|norwegian|finnish|czech|' +
  'hungarian|romanian|greek|hindi|vietnamese|thai|indonesian|nordic|dach';

/** Noise found in the raw title, removed before segmentation. Order matters: longer patterns first. */
const NOISE_PATTERNS: readonly RegExp[] = [
  // Gender markers of European boards: (m/w/d), (f/m/d), (k/m), (w/m/div.), m/f/x, (h/f).
  /\(\s*(?:[mfwdkhx]|div\.?|diverse?)\s*(?:[/|,]\s*(?:[mfwdkhx]|div\.?|diverse?)\s*)+\)/giu,
  /\b[mfwkh]\s*\/\s*[mfwkh](?:\s*\/\s*(?:[dx]|div\.?))?(?=$|[\s)\],.])/giu,
  // Clearance and vetting.
  /\b(?:ts\s*\/\s*sci(?:\s*(?:with|w\/)?\s*(?:full[- ]scope\s+)?poly(?:graph)?)?|top\s+secret(?:\s+clearance)?|public\s+trust|(?:active\s+)?(?:secret|security)\s+clearance|(?:e?sc|e?dv|nv[12]|bpss|baseline)\s+(?:clearance|clearable|cleared|vetting)(?:\s+(?:required|essential|eligible))?|clearance\s+(?:required|essential|eligible)|clearable|cleared)\b/giu,
  // Salary.
  /(?:\bup\s+to\s+)?[£$€]\s*[\d.,]*\s*k?(?:\s*(?:-|to)\s*[£$€]?\s*[\d.,]+\s*k?)?(?:\s*\+?\s*(?:benefits|bonus|package|base|ote))*/giu,
  // Experience demands: "with over 10 years experience", "5+ years".
  /\b(?:with\s+)?(?:over\s+)?\d+\+?\s*(?:years?|yrs?)(?:\s+(?:of\s+)?experience)?\b/giu,
  // Contract terms.
  /\b\d+\s*(?:-\s*)?(?:months?|mths?|mo)\b(?:\s+(?:contract|ftc|fixed\s+term))?/giu,
  /\b(?:fixed[- ]term(?:\s+contract)?|ftc|(?:inside|outside)\s+ir35|ir35|corp[- ]to[- ]corp|c2c|w2|1099|full[- ]?time|part[- ]?time|contract(?:or)?|freelance(?:r)?|permanent|temp(?:orary)?|seasonal|ft|pt|nights?|\(?\d+\s*hrs?\)?)\b/giu,
  // Visa and relocation.
  /\b(?:h-?1b|visa(?:\s+sponsorship)?|(?:no\s+)?sponsorship|green\s+card|usc|gc|ead|opt|cpt|work\s+permit|offering\s+relocation(?:\s+support)?(?:\s+to\s+\p{L}+)?|relocation(?:\s+(?:support|package|assistance))?)\b/giu,
  // Work arrangement.
  /\b(?:fully\s+remote|100%\s+remote|remote(?:[- ]first|[- ]friendly)?|hybrid|on[- ]?site|in[- ]office|wfh|work\s+from\s+home|anywhere)\b/giu,
  // Language requirements.
  new RegExp(
    `\\b(?:(?:${LANGUAGES})(?:[- ]speaking|\\s+speakers?|\\s+fluency|\\s+fluent|\\s+native|\\s+required)|(?:fluent|native)\\s+(?:in\\s+)?(?:${LANGUAGES})|with\\s+(?:${LANGUAGES})|(?:${LANGUAGES})\\s+[abc][12]|bilingual|multilingual|trilingual)\\b`,
    'giu',
  ),
  // Requisition codes: "(198508)", "REQ-1234", "#123", "MOE23", "JR12345".
  /\(\s*\d{3,}\s*\)|#\s*\d+|\b(?:req|jr|job|ref)[-\s]?\d{3,}\b|\b\d{4,}\b/giu,
  // New-grad and internship seasons: "(Fall 2026)", "Summer 2025".
  /\b(?:spring|summer|fall|autumn|winter)\s+\d{4}\b/giu,
];

const EMOJI = /\p{Extended_Pictographic}|\p{So}|\u200d|\ufe0f/gu;

/** Words in other languages, folded like every other token; values are English role words. */
const FOREIGN_WORDS: Readonly<Record<string, string>> = {
  // Ukrainian / Russian (Cyrillic and common transliterations).
  розробник: 'developer',
  розробниця: 'developer',
  разработчик: 'developer',
  програміст: 'developer',
  программист: 'developer',
  інженер: 'engineer',
  инженер: 'engineer',
  тестувальник: 'qa engineer',
  тестировщик: 'qa engineer',
  аналітик: 'analyst',
  аналитик: 'analyst',
  архітектор: 'architect',
  архитектор: 'architect',
  адміністратор: 'administrator',
  администратор: 'administrator',
  менеджер: 'manager',
  керівник: 'manager',
  руководитель: 'manager',
  дизайнер: 'designer',
  консультант: 'consultant',
  фахівець: 'specialist',
  спеціаліст: 'specialist',
  специалист: 'specialist',
  даних: 'data',
  данных: 'data',
  проєкту: 'project',
  проекта: 'project',
  проектів: 'project',
  проектов: 'project',
  продукту: 'product',
  продукта: 'product',
  системний: 'systems',
  системный: 'systems',
  мережевий: 'network',
  сетевой: 'network',
  безпеки: 'security',
  безопасности: 'security',
  старший: 'senior',
  старша: 'senior',
  молодший: 'junior',
  младший: 'junior',
  провідний: 'lead',
  ведущий: 'lead',
  головний: 'principal',
  главный: 'principal',
  стажер: 'intern',
  стажист: 'intern',
  стажування: 'intern',
  стажировка: 'intern',
  джуніор: 'junior',
  джуниор: 'junior',
  джун: 'junior',
  мідл: 'mid',
  миддл: 'mid',
  сеньйор: 'senior',
  сеньор: 'senior',
  синьор: 'senior',
  лід: 'lead',
  лид: 'lead',
  віддалено: 'remote',
  удаленно: 'remote',
  віддалена: 'remote',
  удаленная: 'remote',
  тестування: 'test',
  тестирования: 'test',
  тестированию: 'test',
  розробки: 'development',
  разработки: 'development',
  розробка: 'development',
  разработка: 'development',
  рішень: 'solutions',
  решений: 'solutions',
  // "Керівник відділу розробки": the department is the discipline's frame, not a word of the role.
  відділу: '',
  отдела: '',
  департаменту: '',
  департамента: '',
  тімлід: 'technical lead',
  тимлид: 'technical lead',
  тімлідер: 'technical lead',
  техлід: 'technical lead',
  техлид: 'technical lead',
  тестуванню: 'test',
  автоматизації: 'automation',
  автоматизации: 'automation',
  автоматизованого: 'automation',
  автоматизированного: 'automation',
  бізнес: 'business',
  бизнес: 'business',
  проєктний: 'project',
  проектний: 'project',
  проектный: 'project',
  продуктовий: 'product',
  продуктовый: 'product',
  продакт: 'product',
  проджект: 'project',
  девопс: 'devops',
  фронтенд: 'frontend',
  бекенд: 'backend',
  бэкенд: 'backend',
  фулстек: 'full stack',
  тестер: 'tester',
  сисадмін: 'systems administrator',
  сисадмин: 'systems administrator',
  підтримки: 'support',
  поддержки: 'support',
  технічної: 'technical',
  технической: 'technical',
  пз: 'software',
  '1с': '1c',
  robota: 'job',
  rozrobnyk: 'developer',
  razrabotchik: 'developer',
  prohramist: 'developer',
  programmist: 'developer',
  // Polish.
  programista: 'developer',
  programistka: 'developer',
  inzynier: 'engineer',
  inżynier: 'engineer',
  tester: 'tester',
  testerka: 'tester',
  analityk: 'analyst',
  analityczka: 'analyst',
  architekt: 'architect',
  administrator: 'administrator',
  kierownik: 'manager',
  projektant: 'designer',
  projektantka: 'designer',
  specjalista: 'specialist',
  specjalistka: 'specialist',
  starszy: 'senior',
  starsza: 'senior',
  mlodszy: 'junior',
  młodszy: 'junior',
  mlodsza: 'junior',
  młodsza: 'junior',
  stazysta: 'intern',
  stażysta: 'intern',
  staz: 'intern',
  staż: 'intern',
  praktykant: 'intern',
  oprogramowania: 'software',
  rozwoju: 'development',
  dzialu: '',
  działu: '',
  zespolu: '',
  zespołu: '',
  rozwiazan: 'solutions',
  rozwiązań: 'solutions',
  danych: 'data',
  systemow: 'systems',
  systemów: 'systems',
  sieci: 'network',
  testow: 'qa',
  testów: 'qa',
  biznesowy: 'business',
  biznesowa: 'business',
  biznesu: 'business',
  projektu: 'project',
  projektow: 'project',
  projektów: 'project',
  produktu: 'product',
  manualny: 'manual',
  manualna: 'manual',
  automatyzujacy: 'automation',
  automatyzujący: 'automation',
  automatyzacji: 'automation',
  testowania: 'test',
  wsparcia: 'support',
  technicznego: 'technical',
  lider: 'lead',
  liderka: 'lead',
  zdalnie: 'remote',
  zdalna: 'remote',
  // German.
  entwickler: 'developer',
  entwicklerin: 'developer',
  softwareentwickler: 'software developer',
  softwareentwicklung: 'software engineering',
  entwicklung: 'development',
  anwendungsentwicklung: 'software engineering',
  softwareentwicklerin: 'software developer',
  anwendungsentwickler: 'software developer',
  webentwickler: 'web developer',
  ingenieur: 'engineer',
  ingenieurin: 'engineer',
  softwareingenieur: 'software engineer',
  berater: 'consultant',
  beraterin: 'consultant',
  architektin: 'architect',
  systemadministrator: 'systems administrator',
  systemadministratorin: 'systems administrator',
  administratorin: 'administrator',
  analystin: 'analyst',
  testerin: 'tester',
  projektleiter: 'project manager',
  projektleiterin: 'project manager',
  projektmanager: 'project manager',
  leiter: 'head',
  leiterin: 'head',
  werkstudent: 'intern',
  werkstudentin: 'intern',
  praktikant: 'intern',
  praktikantin: 'intern',
  praktikum: 'intern',
  auszubildender: 'intern',
  ausbildung: 'intern',
  erfahrener: 'senior',
  leitender: 'lead',
  informatiker: 'software developer',
  datenanalyst: 'data analyst',
  datenanalystin: 'data analyst',
  dateningenieur: 'data engineer',
  softwarearchitekt: 'software architect',
  softwaretester: 'tester',
  netzwerkadministrator: 'network administrator',
  fachinformatiker: 'software developer',
  // Seniority words of CEE boards written in English.
  middle: 'mid',
  regular: 'mid',
  strong: '',
};

const FOREIGN = new Map(
  Object.entries(FOREIGN_WORDS).map(([word, english]) => [foldRoleText(word), english]),
);

/** English words a Cyrillic title may spell out letter for letter ("джава девелопер"). */
const LOANWORDS = buildSoundIndex([
  ...IT_FUNCTIONS,
  ...SHARED_FUNCTIONS,
  ...TECHNOLOGY_TOKENS,
  ...REWRITTEN_TOKENS,
  ...['senior', 'junior', 'middle', 'intern', 'trainee', 'team', 'technical', 'software'],
]);

/** Replaces foreign role words by their English meaning, word by word, keeping separators. */
function translateWords(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const folded = foldRoleText(word);
    const english = FOREIGN.get(folded) ?? englishLoanword(folded, LOANWORDS);
    return english === undefined || english === null ? word : english;
  });
}

function stripNoise(text: string): { text: string; noise: string[] } {
  const noise: string[] = [];
  let rest = text.replace(EMOJI, (match) => {
    noise.push(match);
    return ' ';
  });
  for (const pattern of NOISE_PATTERNS) {
    rest = rest.replace(pattern, (match) => {
      if (match.trim() !== '') noise.push(match.trim());
      return ' ';
    });
  }
  return { text: rest, noise };
}

/** Separators between a title's head and its team, location or product tails. */
const SEGMENT_SEPARATOR = /\s+[-–—|•·]+\s*|\s*[–—|•·]+\s+|[,;:()[\]{}@_]+|\s+-(?=\p{L})|(?<=\p{L})-\s+/u;

function segmentsOf(text: string): string[] {
  return text
    .split(SEGMENT_SEPARATOR)
    .map((segment) => segment?.trim() ?? '')
    .filter((segment) => /\p{L}/u.test(segment));
}

/** A token that names what a person is: a known function word, or an occupational agent noun. */
function isFunctionToken(token: string): boolean {
  return IT_FUNCTIONS.has(token) || SHARED_FUNCTIONS.has(token);
}

function looksLikeOccupation(token: string): boolean {
  return isFunctionToken(token) || (AGENT_NOUN.test(token) && !/^(?:under|over|after|other)$/u.test(token));
}

const FUNCTION_WORDS = [...IT_FUNCTIONS, ...SHARED_FUNCTIONS].filter((w) => w.length >= 5);

/** "Develoepr" → developer, "Anaylst" → analyst: role nouns tolerate typos (one edit, two in long words). */
function correctFunctionTypos(tokens: readonly string[]): string[] {
  // "Office Manager": a phrase that ends in its role noun has no misspelt one.
  const last = tokens[tokens.length - 1];
  if (last !== undefined && isFunctionToken(last)) return [...tokens];
  return tokens.map((token) => {
    // Only Latin words are misspelt English nouns: "漢字administrator" is no typo of administrator.
    if (token.length < 5 || isFunctionToken(token) || !/^\p{Script=Latin}+$/u.test(token)) return token;
    if (TECHNOLOGY_TOKENS.has(token) || GENERIC_ROLE_WORDS.has(token) || NON_IT_WORDS.has(token))
      return token;
    // Adjectives and disciplines ("technical", "consulting", "analytics") are words, not misspelt nouns.
    if (/(?:al|ing|ed|ics|ic|ive)$/u.test(token)) return token;
    const limit = token.length <= 7 ? 1 : 2;
    const near = FUNCTION_WORDS.filter((word) => editDistance(token, word, limit) <= limit);
    return near.length === 1 ? near[0]! : token;
  });
}

/** The last function token of a cleaned token list, or -1. */
function lastFunctionAt(tokens: readonly string[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (isFunctionToken(tokens[i]!)) return i;
  return -1;
}

/** Prepositions after which an occupation's title goes on about the place or the team. */
const OCCUPATION_PREPOSITIONS = new Set(
  'in for at with within on to from of mit fur im der bei w we dla z ze в у для з зі по de del en'.split(' '),
);

/** Prepositions of Slavic titles that introduce the role's specialty: "з", "по", Polish "ds." (do spraw). */
const SPECIALTY_PREPOSITIONS = new Set(['з', 'зі', 'із', 'по', 'ds']);

/** Longer "phrases" are sentences, not titles. */
const MAX_PHRASE_TOKENS = 8;

const TRAILING_PREPOSITIONS = new Set([
  ...['in', 'for', 'at', 'with', 'within', 'on', 'to', 'from'],
  ...OCCUPATION_PREPOSITIONS,
]);

/**
 * Cuts what follows the role noun: "Data Scientist in Translational Medicine" → data scientist. A
 * technology right after the noun of a head without specialty is kept ("Software Engineer Rust").
 */
function trimAfterFunction(tokens: readonly string[]): string[] {
  const at = lastFunctionAt(tokens);
  if (at < 0 || at === tokens.length - 1) return [...tokens];
  const head = tokens.slice(0, at + 1);
  const after = tokens.slice(at + 1);
  const headFacets = facetsOfTokens(head);
  if (headFacets.specialities.size > 0) return head;
  // "Інженер з тестування", "Specjalista ds. testów": the specialty follows a preposition meaning "of".
  const specialtyAfter = SPECIALTY_PREPOSITIONS.has(after[0]!) ? after.slice(1) : after;
  if (specialtyAfter.length === 0 || (specialtyAfter === after && TRAILING_PREPOSITIONS.has(after[0]!)))
    return head;
  const tail = facetsOfTokens(specialtyAfter);
  const onlyTechnology = tail.otherTokens.length === 0 && tail.functions.size === 0;
  return onlyTechnology ? [...specialtyAfter, ...head] : head;
}

/** "Java", "C#", "Java Spring": a suffix naming one language (and its tools) defines a generic head's family. */
function namesOneLanguage(tokens: readonly string[]): boolean {
  const facets = facetsOfTokens(tokens);
  const languages = [...facets.specialities].filter((s) => LANGUAGE_FACETS.has(s));
  return languages.length === 1 && facets.otherTokens.length === 0 && facets.functions.size === 0;
}

/** Alternatives joined by a slash: "Data Analyst / Scientist" → data analyst; "Data / BI Analyst" → data analyst. */
function firstAlternative(segment: string): string {
  const parts = segment.split(/\s*\/+\.?\s*/u);
  if (parts.length < 2) return segment;
  const spaced = /\s\/|\/\s/u.test(segment);
  const tokensOf = (part: string) => cleanRoleTokens(part).tokens;
  const first = tokensOf(parts[0]!);
  const firstHasFunction = lastFunctionAt(first) >= 0;
  const nextStarts = tokensOf(parts[1]!);
  // "Java/Kotlin Developer": two languages for one role noun are two titles, the first counts ("C/C++" is one).
  const twoLanguages =
    parts.length === 2 &&
    nextStarts.length > 1 &&
    !first.includes('c') &&
    namesOneLanguage(first) &&
    namesOneLanguage(nextStarts.slice(0, 1)) &&
    !namesOneLanguage([...first, nextStarts[0]!]);
  const joinsTitles =
    spaced ||
    firstHasFunction ||
    twoLanguages ||
    (nextStarts.length > 0 && lastFunctionAt(nextStarts.slice(0, 1)) === 0);
  if (!joinsTitles) return segment;
  if (firstHasFunction) return parts[0]!;
  const last = parts[parts.length - 1]!.trim().split(/\s+/u);
  return [parts[0], ...last.slice(1)].join(' ');
}

interface Phrase {
  tokens: string[];
  seniority: Seniority | null;
}

/** Longest place names matched inside a phrase, in tokens ("newcastle upon tyne"). */
const MAX_PLACE_TOKENS = 3;

/** Drops place names from a phrase ("Field Engineering Italy", "London Java Developer"); never all of it. */
function withoutPlaces(tokens: readonly string[]): string[] {
  const kept: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let length = Math.min(MAX_PLACE_TOKENS, tokens.length - i);
    for (; length > 0; length--) {
      const span = tokens.slice(i, i + length);
      if (!span.some(isFunctionToken) && isPlaceName(span.join(' '))) break;
    }
    if (length === 0) kept.push(tokens[i++]!);
    else {
      i += length;
      // "Bank of America", "Engineer in London": the place's preposition goes with it.
      if (kept.length > 0 && TRAILING_PREPOSITIONS.has(kept[kept.length - 1]!)) kept.pop();
    }
  }
  return kept.length > 0 ? kept : [...tokens];
}

function cleanPhrase(text: string): Phrase {
  const { tokens, seniority } = cleanRoleTokens(text);
  return { tokens: correctFunctionTypos(withoutPlaces(tokens)), seniority };
}

/** "Head of Engineering", "Manager, Software Engineering", "Director Data Science" → discipline + manager. */
function managerOfDiscipline(tokens: readonly string[]): string[] | null {
  if (tokens.length < 2) return null;
  const first = tokens[0]!;
  if (!MANAGEMENT_WORDS.has(first)) return null;
  const explicit = tokens[1] === 'of';
  const rest = tokens.slice(1).filter((t) => t !== 'of' && t !== 'the' && t !== 'and');
  if (rest.length === 0 || lastFunctionAt(rest) >= 0) return null;
  const namesDiscipline = rest.some(
    (t) => DISCIPLINE_NOUNS.has(t) || facetsOfTokens([t]).specialities.size > 0,
  );
  if (!namesDiscipline && !(explicit && rest.length <= 3)) return null;
  return [...rest, 'manager'];
}

const SCIENCE_TO_PRACTITIONER: Readonly<Record<string, string>> = {
  science: 'scientist',
  engineering: 'engineer',
  architecture: 'architect',
  analytics: 'analyst',
};

/** The role phrase of one segment, or null when the segment names no role. */
/** Words that make "lead" the leading developer of a technology: "Team Lead Java", "Tech Lead .NET". */
const LEAD_WORDS = new Set(['team', 'technical']);

/**
 * A lead of a technology is that technology's developer at lead seniority: "Team Lead Java", "Tech Lead
 * Python", "Lead Java" (where "lead" was read as seniority) and "Java Tech Lead". Only languages and
 * frameworks: "QA Lead" or "Data Lead" lead a discipline, not a technology.
 */
function technologyLead(phrase: Phrase): Phrase | null {
  let rest: string[];
  if (phrase.seniority === 'lead' && lastFunctionAt(phrase.tokens) < 0) rest = phrase.tokens;
  else if (phrase.tokens[phrase.tokens.length - 1] === 'lead') rest = phrase.tokens.slice(0, -1);
  else return null;
  rest = rest.filter((t) => !LEAD_WORDS.has(t));
  const facets = facetsOfTokens(rest);
  const technology = [...facets.specialities].some((s) => LANGUAGE_FACETS.has(s));
  if (!technology || facets.otherTokens.some((t) => !GENERIC_ROLE_WORDS.has(t))) return null;
  return { tokens: [...rest, 'developer'], seniority: 'lead' };
}

function rolePhraseOf(segment: string): Phrase | null {
  const phrase = cleanPhrase(firstAlternative(segment));
  if (phrase.tokens.length === 0) return null;
  const led = technologyLead(phrase);
  if (led) return led;
  const managed = managerOfDiscipline(phrase.tokens);
  if (managed) return { tokens: managed, seniority: phrase.seniority };
  if (lastFunctionAt(phrase.tokens) < 0) return null;
  if (phrase.tokens.length > MAX_PHRASE_TOKENS) return null;
  return { tokens: trimAfterFunction(phrase.tokens), seniority: phrase.seniority };
}

const IT_HINTS = new Set(['software', 'it', 'computer', 'engineering', 'technical', 'technology']);

/** IT when the phrase names an IT specialty or an IT-only role noun; outside IT when a non-IT word decides. */
function domainOf(tokens: readonly string[]): RoleDomain {
  const facets = facetsOfTokens(tokens);
  const specialties = [...facets.specialities, ...facets.tools];
  if (tokens.some((t) => NON_IT_WORDS.has(t)) || specialties.some((s) => NON_IT_SPECIALTIES.has(s))) {
    return 'non-it';
  }
  const itFunction = tokens.some((t) => IT_FUNCTIONS.has(t) && t !== 'engineer' && t !== 'architect');
  if (specialties.length > 0 || itFunction || tokens.some((t) => IT_HINTS.has(t))) return 'it';
  return 'unknown';
}

const NON_IT_SPECIALTIES = new Set(['sales', 'hr', 'marketing', 'health']);

function emptyParse(seniority: Seniority | null, noise: string[]): ParsedRoleTitle {
  return {
    tokens: [],
    name: '',
    seniority,
    function: null,
    specialties: [],
    qualifiers: [],
    domain: 'unknown',
    noise,
  };
}

export function parseRoleTitle(text: string): ParsedRoleTitle {
  const { text: withoutNoise, noise } = stripNoise(translateWords(typeof text === 'string' ? text : ''));
  const segments = segmentsOf(withoutNoise);
  const wholeSeniority = cleanRoleTokens(segments.join(' ')).seniority;
  let phrase: Phrase | null = null;
  let at = 0;
  for (; at < segments.length; at++) {
    const segmentTokens = cleanPhrase(segments[at]!).tokens;
    // A bare management word heads the next segment: "Director, Solutions Architect", "Manager, Sales".
    if (segmentTokens.length === 1 && MANAGEMENT_WORDS.has(segmentTokens[0]!) && at + 1 < segments.length) {
      const next = rolePhraseOf(segments[at + 1]!);
      const composed = next ?? rolePhraseOf(`${segmentTokens[0]} of ${segments[at + 1]}`);
      if (composed) {
        phrase = composed;
        at += 1;
        break;
      }
    }
    phrase = rolePhraseOf(segments[at]!);
    if (phrase) break;
    // A discipline alone ("Principal, Data Science") names its practitioner.
    const last = segmentTokens[segmentTokens.length - 1];
    if (segmentTokens.length > 0 && last !== undefined && SCIENCE_TO_PRACTITIONER[last] && at > 0) {
      phrase = {
        tokens: [...segmentTokens.slice(0, -1), SCIENCE_TO_PRACTITIONER[last]!],
        seniority: null,
      };
      break;
    }
  }
  if (!phrase) return emptyParse(wholeSeniority, noise);
  let tokens = phrase.tokens;
  const headKey = tokens.join(' ');
  if (GENERIC_HEADS.has(headKey)) {
    const suffix = segments
      .slice(at + 1)
      .map((s) => cleanPhrase(s).tokens)
      .find((s) => STACK_SUFFIXES.has(s.join(' ')) || namesOneLanguage(s));
    if (suffix) tokens = [...suffix, tokens[tokens.length - 1]!];
  }
  const cleaned = cleanRoleTokens(tokens.join(' ')).tokens;
  const facets = facetsOfTokens(cleaned);
  const functionAt = lastFunctionAt(cleaned);
  const lastToken = cleaned[cleaned.length - 1];
  const functionWord =
    functionAt >= 0 ? cleaned[functionAt]! : lastToken && looksLikeOccupation(lastToken) ? lastToken : null;
  return {
    tokens: cleaned,
    name: displayRoleName(cleaned.join(' ')),
    seniority: wholeSeniority ?? phrase.seniority,
    function: functionWord,
    specialties: [...facets.specialities, ...facets.tools],
    qualifiers: facets.otherTokens.filter((t) => !isFunctionToken(t)),
    domain: domainOf(cleaned),
    noise,
  };
}

/** Tokens of the title's head segment, translated and without noise: "Middle QA (Python)" → qa. */
export function headTokensOf(text: string): string[] {
  const head = segmentsOf(stripNoise(translateWords(text)).text)[0];
  return head ? cleanRoleTokens(head).tokens : [];
}

/**
 * The role phrase of a title whose segments hold no function word: an occupational noun alone
 * ("Cowboy", "Barback", "Gemologist"). Null for gibberish ("asdf qwerty").
 */
export function occupationOf(text: string): ParsedRoleTitle | null {
  const parsed = parseRoleTitle(text);
  if (parsed.tokens.length > 0) return parsed;
  const { text: withoutNoise, noise } = stripNoise(translateWords(text));
  const head = segmentsOf(withoutNoise)[0]?.split('/')[0];
  if (!head) return null;
  const { tokens: all, seniority } = cleanRoleTokens(head);
  const cut = all.findIndex((t) => OCCUPATION_PREPOSITIONS.has(t));
  const tokens = cut < 0 ? all : all.slice(0, cut);
  const last = tokens[tokens.length - 1];
  if (tokens.length === 0 || tokens.length > 4 || !last || !looksLikeOccupation(last)) return null;
  // "Senior", "Junior": seniority words alone, left in place when nothing else remains.
  if (cleanRoleTokens(`${last} developer`).tokens.join(' ') === 'developer') return null;
  const facets = facetsOfTokens(tokens);
  return {
    tokens,
    name: displayRoleName(tokens.join(' ')),
    seniority,
    function: last,
    specialties: [...facets.specialities, ...facets.tools],
    qualifiers: facets.otherTokens.filter((t) => t !== last),
    domain: domainOf(tokens),
    noise,
  };
}
