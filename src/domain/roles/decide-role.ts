/**
 * Parse, then decide: the role a title belongs to follows from its parsed role phrase (function + specialty,
 * plus the defining technology), never from the raw text.
 *
 * Order of preference, each step on canonical (seeded or admin-approved) roles before roles created on the
 * fly, so a created role never attracts a title a canonical role fits:
 * 1. the phrase matches a role by text (name, alias, reordering, typo, plain variant);
 * 2. relaxed phrases (team words or a language next to a domain specialty dropped: "Partner Solutions
 *    Architect" → Solutions Architect, "Rust Blockchain Engineer" → Blockchain Engineer), low confidence;
 * 3. a bare role noun ("Staff Engineer") links to its default role with low confidence;
 * 4. a phrase of lexicon words only goes to the vector stage (nearest compatible canonical role);
 * 5. otherwise a role is created, named from the phrase. Titles outside IT only ever reach roles outside IT
 *    (or the exact same name), and are created as such.
 * A text without a role noun is refused, unless it is a specialty alone ("DevOps") that one role fits.
 */
import { isBareRoleNoun as isBareFunction } from './alias-fit.js';
import { cleanRoleText } from './clean-role-text.js';
import { buildRoleIndex, type IndexedRole, matchByText, type RoleIndex } from './normalize-role.js';
import {
  headTokensOf,
  LANGUAGE_FACETS,
  occupationOf,
  type ParsedRoleTitle,
  parseRoleTitle,
  type RoleDomain,
} from './parse-title.js';
import { facetsOfTokens, GENERIC_ROLE_WORDS } from './technology-conflict.js';
import { looksLikeCode, unreadableReason } from './unreadable-words.js';

export interface CatalogRole extends IndexedRole {
  /** Seeded or approved by an admin; false for roles created on the fly. */
  canonical: boolean;
  /** 'non-it' for roles outside IT. */
  category: string | null;
}

export const NON_IT_CATEGORY = 'non-it';

export interface RoleCatalog {
  readonly canonical: RoleIndex;
  readonly all: RoleIndex;
  readonly nonIt: ReadonlySet<number>;
  readonly canonicalIds: ReadonlySet<number>;
  /** Parsed keys (roleKey) of every name and alias, canonical roles apart; a key two roles share is null. */
  readonly canonicalKeys: ReadonlyMap<string, number | null>;
  readonly createdKeys: ReadonlyMap<string, number | null>;
  /** Cleaned role noun each role's name ends in ("engineer" for DevOps Engineer). */
  readonly nounOf: ReadonlyMap<number, string>;
}

export function buildRoleCatalog(roles: readonly CatalogRole[]): RoleCatalog {
  const canonical = buildRoleIndex(roles.filter((r) => r.canonical));
  return {
    canonical,
    // Without created roles the second pass would repeat the first.
    all: roles.every((r) => r.canonical) ? canonical : buildRoleIndex(roles),
    nonIt: new Set(roles.filter((r) => r.category === NON_IT_CATEGORY).map((r) => r.id)),
    canonicalIds: new Set(roles.filter((r) => r.canonical).map((r) => r.id)),
    canonicalKeys: keysOf(roles.filter((r) => r.canonical)),
    createdKeys: keysOf(roles.filter((r) => !r.canonical)),
    nounOf: new Map(roles.map((r) => [r.id, cleanRoleText(r.name).cleaned.split(' ').pop() ?? ''])),
  };
}

function keysOf(roles: readonly CatalogRole[]): Map<string, number | null> {
  const keys = new Map<string, number | null>();
  for (const role of roles) {
    for (const text of [role.name, ...role.aliases]) {
      const parsed = parseRoleTitle(text);
      if (parsed.function === null) continue;
      const key = roleKey(parsed.tokens);
      const owner = keys.get(key);
      keys.set(key, owner === undefined || owner === role.id ? role.id : null);
    }
  }
  return keys;
}

/**
 * What a role phrase means, order and generic words aside: its function, specialty and tool facets and its
 * words outside the lexicon. "Forward Deployed Software Engineer" and "Engineer, Forward Deployed" share a key;
 * "Forward Engineer" does not.
 */
export function roleKey(tokens: readonly string[]): string {
  const facets = facetsOfTokens(tokens);
  const words = facets.otherTokens.filter((t) => !GENERIC_ROLE_WORDS.has(t));
  const sorted = (items: Iterable<string>) => [...new Set(items)].sort().join(',');
  return [sorted(facets.functions), sorted([...facets.specialities, ...facets.tools]), sorted(words)].join(
    '|',
  );
}

/** The one role (canonical first) whose parsed key the phrase has. */
function keyMatch(catalog: RoleCatalog, parsed: ParsedRoleTitle): number | null {
  const key = roleKey(parsed.tokens);
  for (const keys of [catalog.canonicalKeys, catalog.createdKeys]) {
    const roleId = keys.get(key);
    if (roleId !== undefined && roleId !== null && allowedRole(catalog, roleId, parsed.domain, false)) {
      return roleId;
    }
  }
  return null;
}

/** Links below this confidence are filed for admin review. */
export const REVIEW_BELOW_CONFIDENCE = 0.8;

const CONFIDENCE = { relaxed: 0.75, defaultRole: 0.6, specialtyOnly: 0.7, sameKey: 0.85, siblingNoun: 0.7 };

/** The least confidence of a link made from the title's own words (relaxed team words included, guesses not). */
export const WORDED_LINK_CONFIDENCE = CONFIDENCE.relaxed;

export type TitleDecision =
  | {
      kind: 'match';
      roleId: number;
      method: 'exact' | 'alias' | 'fuzzy';
      confidence: number;
      parsed: ParsedRoleTitle;
    }
  /** Ask the vector stage for the nearest compatible canonical role; create `name` when none is close. */
  | { kind: 'nearest'; parsed: ParsedRoleTitle; create: { name: string; domain: RoleDomain } }
  | { kind: 'create'; name: string; domain: RoleDomain; parsed: ParsedRoleTitle }
  | { kind: 'refuse'; reason: string };

/** Platforms that sell to a role outside IT without making it IT ("Informatica Account Executive"). */
const PLATFORM_FACETS = new Set([
  ...LANGUAGE_FACETS,
  'salesforce',
  'sap',
  'servicenow',
  'workday',
  'oracle',
  'dynamics',
  'informatica',
  'snowflake',
  'splunk',
  'aws',
  'azure',
  'gcp',
  'cloud',
  'ai',
  'machine learning',
]);

/** Words of market segments and seniority-like ranks that never make a role of their own. */
const SEGMENT_WORDS = new Set([
  'enterprise',
  'strategic',
  'large',
  'global',
  'regional',
  'national',
  'key',
  'licensed',
  'certified',
  'registered',
  'major',
  'commercial',
  'federal',
  'partner',
  'specialist',
  'male',
  'female',
  'general',
  'applied',
  'client',
]);

/** Generic words that say what is built, never who builds it: dropped from a created name beside a specific word. */
const PRODUCT_WORDS = new Set(['software', 'application']);

/** Words outside the specialty lexicon that still name a role with its noun ("Engineering Manager"). */
const NAMING_WORDS = new Set(['engineering', 'technical', 'program', 'product']);

const DISCIPLINE_OF_MANAGER = new Set(['engineering', 'development', 'operations', 'science', 'design']);

/** Default roles of bare role nouns. */
const DEFAULT_ROLE_OF: Readonly<Record<string, string>> = {
  engineer: 'software engineer',
  developer: 'software engineer',
  programmer: 'software engineer',
  coder: 'software engineer',
  architect: 'software architect',
  tester: 'qa engineer',
  sdet: 'qa automation engineer',
};

/** Stack layers: beside a language the language defines the role ("Python Backend Developer"). */
const STACK_LAYER_FACETS = new Set(['frontend', 'backend', 'web']);

/** Specialties that only say where a role works: beside another specialty they are dropped ("ML Platform Engineer"). */
const SETTING_FACETS = new Set(['platform', 'infrastructure', 'operations']);

function withoutTokens(tokens: readonly string[], drop: (token: string) => boolean): string[] {
  return tokens.filter((t) => !drop(t));
}

function languageTokens(tokens: readonly string[]): Set<string> {
  return new Set(
    tokens.filter((t) => [...facetsOfTokens([t]).specialities].some((s) => LANGUAGE_FACETS.has(s))),
  );
}

function allowedRole(catalog: RoleCatalog, roleId: number, domain: RoleDomain, exact: boolean): boolean {
  if (exact) return true;
  return domain === 'non-it' ? catalog.nonIt.has(roleId) : !catalog.nonIt.has(roleId);
}

function textMatch(
  catalog: RoleCatalog,
  phrase: string,
  domain: RoleDomain,
  indexes: readonly RoleIndex[],
): { roleId: number; method: 'exact' | 'alias' | 'fuzzy'; confidence: number } | null {
  if (phrase.length === 0) return null;
  for (const index of new Set(indexes)) {
    const decision = cachedMatch(index, phrase);
    if (decision?.kind !== 'match' || decision.method === 'vector' || decision.method === 'created') continue;
    // A created role is reached by its own name or alias only: as a plain-variant target it would attract.
    if (index !== catalog.canonical && decision.method === 'fuzzy') continue;
    if (!allowedRole(catalog, decision.roleId, domain, decision.method !== 'fuzzy')) continue;
    return { roleId: decision.roleId, method: decision.method, confidence: decision.confidence };
  }
  return null;
}

/** Indexes are immutable: the text decision per phrase is kept (bounded), since imports repeat phrases. */
const MATCH_CACHE = new WeakMap<RoleIndex, Map<string, ReturnType<typeof matchByText>>>();
const MATCH_CACHE_LIMIT = 20_000;

function cachedMatch(index: RoleIndex, phrase: string): ReturnType<typeof matchByText> {
  let cache = MATCH_CACHE.get(index);
  if (!cache) {
    cache = new Map();
    MATCH_CACHE.set(index, cache);
  }
  if (cache.has(phrase)) return cache.get(phrase) ?? null;
  if (cache.size >= MATCH_CACHE_LIMIT) cache.clear();
  const decision = matchByText(index, phrase);
  cache.set(phrase, decision);
  return decision;
}

/** Relaxed forms of a phrase, most specific first. */
function relaxations(parsed: ParsedRoleTitle): string[][] {
  const tokens = parsed.tokens;
  const qualifiers = new Set([...parsed.qualifiers, ...SEGMENT_WORDS]);
  const languages = languageTokens(tokens);
  // The word right before the role noun is the role's own ("Policy Lead", "Deployment Engineer"): kept.
  const last = tokens.length - 1;
  // "Field Engineering Manager": the discipline belongs to the noun, and the word before it to the role.
  const nounAt = last > 0 && DISCIPLINE_OF_MANAGER.has(tokens[last - 1]!) ? last - 1 : last;
  const withoutQualifiers = tokens.filter(
    (t, i) => !(SEGMENT_WORDS.has(t) || GENERIC_ROLE_WORDS.has(t) || (qualifiers.has(t) && i < nounAt - 1)),
  );
  const out: string[][] = [withoutQualifiers];
  const specialtiesOf = (t: string) => [...facetsOfTokens([t]).specialities];
  const specialties = [...facetsOfTokens(withoutQualifiers).specialities];
  const stackLayers = new Set(
    tokens.filter((t) => specialtiesOf(t).some((s) => STACK_LAYER_FACETS.has(s) && !LANGUAGE_FACETS.has(s))),
  );
  if (languages.size > 0 && stackLayers.size > 0) {
    out.push(withoutTokens(withoutQualifiers, (t) => stackLayers.has(t)));
  }
  const domainSpecialties = specialties.filter(
    (s) => !LANGUAGE_FACETS.has(s) && !(STACK_LAYER_FACETS.has(s) && stackLayers.size > 0),
  );
  if (languages.size > 0 && domainSpecialties.length > 0) {
    out.push(withoutTokens(tokens, (t) => languages.has(t)));
    out.push(withoutTokens(withoutQualifiers, (t) => languages.has(t)));
  }
  const settings = new Set(
    withoutQualifiers.filter((t) => specialtiesOf(t).some((s) => SETTING_FACETS.has(s))),
  );
  if (settings.size > 0 && specialties.some((s) => !SETTING_FACETS.has(s))) {
    out.push(withoutTokens(withoutQualifiers, (t) => settings.has(t)));
  }
  const relaxed = out.filter((candidate) => {
    const facets = facetsOfTokens(candidate);
    const named = facets.specialities.size > 0 || candidate.some((t) => NAMING_WORDS.has(t));
    return candidate.length < tokens.length && candidate.length >= 2 && facets.functions.size > 0 && named;
  });
  return [...relaxed, ...headSuffixes(tokens)];
}

/**
 * The phrase's head, read from the right: "Data Center Systems Engineer" → systems engineer, "Network Security
 * Engineer" → security engineer. Longest first; a suffix must keep a specialty of its own, so a team or
 * product word is never all that is left of a role ("Technical Support Engineering Manager" stays whole).
 */
function headSuffixes(tokens: readonly string[]): string[][] {
  const suffixes: string[][] = [];
  for (let start = 1; start <= tokens.length - 2; start++) {
    const suffix = tokens.slice(start);
    const facets = facetsOfTokens(suffix);
    if (facets.functions.size === 0) continue;
    if ([...facets.specialities].some((s) => !SETTING_FACETS.has(s))) suffixes.push(suffix);
  }
  return suffixes;
}

/** The name a role created from this phrase gets: outside IT, without segment words and IT technologies. */
function creationName(parsed: ParsedRoleTitle): string {
  if (parsed.domain !== 'non-it') {
    const last = parsed.tokens.length - 1;
    const kept = parsed.tokens.filter((t, i) => i === last || !SEGMENT_WORDS.has(t));
    // "Forward Deployed Software Engineer" → Forward Deployed Engineer; "Technical Writer" keeps its word.
    const specific = kept.filter((t, i) => i === kept.length - 1 || !PRODUCT_WORDS.has(t));
    return displayOf(specific.length > 1 ? specific : kept) || parsed.name;
  }
  const platform = (t: string) => {
    const facets = facetsOfTokens([t]);
    return [...facets.specialities, ...facets.tools].some((s) => PLATFORM_FACETS.has(s));
  };
  const kept = parsed.tokens.filter(
    (t, i) =>
      i === parsed.tokens.length - 1 || !(SEGMENT_WORDS.has(t) || platform(t) || GENERIC_ROLE_WORDS.has(t)),
  );
  return displayOf(kept) || parsed.name;
}

function displayOf(tokens: readonly string[]): string {
  return cleanRoleText(tokens.join(' ')).display;
}

/**
 * Role nouns of practitioners one specialty's role is filed under whichever is written: a Kubernetes or cloud
 * administrator is the DevOps or cloud engineer when the taxonomy has no administrator of that specialty.
 */
const SIBLING_NOUNS: Readonly<Record<string, string>> = {
  administrator: 'engineer',
  engineer: 'administrator',
};
/** Specialties run by administrators and engineers alike (infrastructure and operations, not data or code). */
const OPERATED_SPECIALTIES = new Set(
  ['devops', 'cloud', 'aws', 'azure', 'gcp', 'platform', 'infrastructure', 'site reliability'].concat([
    'systems',
    'network',
    'storage',
    'security',
    'kubernetes',
    'terraform',
    'linux',
  ]),
);

/** The canonical role of the same specialty under the sibling role noun, for a phrase of lexicon words only. */
function siblingNounMatch(catalog: RoleCatalog, parsed: ParsedRoleTitle): number | null {
  const sibling = SIBLING_NOUNS[parsed.function ?? ''];
  if (!sibling || parsed.domain !== 'it' || parsed.qualifiers.length > 0 || parsed.specialties.length === 0)
    return null;
  if (!parsed.specialties.every((s) => OPERATED_SPECIALTIES.has(s))) return null;
  const swapped = parsed.tokens.map((t) => (t === parsed.function ? sibling : t)).join(' ');
  const roleId = textMatch(catalog, swapped, 'it', [catalog.canonical])?.roleId ?? null;
  // "Oracle Administrator" is no Oracle Developer: the role found must be named by the sibling noun itself.
  return roleId !== null && catalog.nounOf.get(roleId) === sibling ? roleId : null;
}

/** A specialty alone ("DevOps", "Java", "Salesforce"): the one role of that specialty built by an engineer or developer. */
function specialtyOnly(catalog: RoleCatalog, text: string): number | null {
  const cleaned = headTokensOf(text).join(' ');
  const facets = facetsOfTokens(cleaned.split(' '));
  if (cleaned.length === 0 || facets.specialities.size === 0 || facets.functions.size > 0) return null;
  if (facets.otherTokens.some((t) => !GENERIC_ROLE_WORDS.has(t))) return null;
  const found = new Set<number>();
  for (const noun of ['engineer', 'developer']) {
    const match = textMatch(catalog, `${cleaned} ${noun}`, 'it', [catalog.canonical]);
    if (match) found.add(match.roleId);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Words of a phrase outside the role lexicon that can name nothing ("asdf", "xxxxxxxx"), with why. */
function unreadableWords(tokens: readonly string[]): { word: string; reason: string }[] {
  return facetsOfTokens(tokens)
    .otherTokens.map((word) => ({ word, reason: unreadableReason(word) }))
    .filter((w): w is { word: string; reason: string } => w.reason !== null);
}

/**
 * Decides a title; code (SQL, HTML) is refused, and a phrase holding a word that names nothing never makes a
 * role: its readable rest decides when it is more than a bare role noun, at most at guessing confidence
 * (filed for review); otherwise the text is refused.
 */
export function decideTitle(catalog: RoleCatalog, text: string): TitleDecision {
  if (looksLikeCode(text)) {
    return { kind: 'refuse', reason: 'role text looks like code (SQL or HTML markup), not a job title' };
  }
  const decision = decideReadableTitle(catalog, text);
  if (decision.kind === 'refuse') return decision;
  const unreadable = unreadableWords(decision.parsed.tokens);
  if (unreadable.length === 0) return decision;
  const rest = decision.parsed.tokens.filter((t) => !unreadable.some((u) => u.word === t)).join(' ');
  const reduced = rest.length > 0 ? decideReadableTitle(catalog, rest) : null;
  // "asdf developer" leaves a bare role noun: a guess from nothing but the noun is no link either.
  const decided = reduced?.kind === 'match' && !isBareFunction(reduced.parsed) ? reduced : null;
  if (decided && unreadableWords(decided.parsed.tokens).length === 0) {
    const confidence = Math.min(decided.confidence, CONFIDENCE.defaultRole);
    return { ...decided, method: 'fuzzy', confidence, parsed: decision.parsed };
  }
  const [first] = unreadable;
  return {
    kind: 'refuse',
    reason: `role text has a word that names nothing (${first!.reason}: "${first!.word}")`,
  };
}

function decideReadableTitle(catalog: RoleCatalog, text: string): TitleDecision {
  const parsed = parseRoleTitle(text);
  if (parsed.tokens.length === 0) {
    const specialtyRole = specialtyOnly(catalog, text);
    if (specialtyRole !== null) {
      return {
        kind: 'match',
        roleId: specialtyRole,
        method: 'fuzzy',
        confidence: CONFIDENCE.specialtyOnly,
        parsed,
      };
    }
    const occupation = occupationOf(text);
    if (!occupation)
      return {
        kind: 'refuse',
        reason: 'role text names no role (no role noun such as developer, analyst or manager)',
      };
    const existing = textMatch(catalog, occupation.tokens.join(' '), occupation.domain, [
      catalog.canonical,
      catalog.all,
    ]);
    if (existing) return { kind: 'match', ...existing, parsed: occupation };
    return { kind: 'create', name: creationName(occupation), domain: occupation.domain, parsed: occupation };
  }
  const phrase = parsed.tokens.join(' ');
  const direct = textMatch(catalog, phrase, parsed.domain, [catalog.canonical, catalog.all]);
  // A bare role noun ("Analyst") is a plain variant of every role with only unknown words: it takes its
  // default role below, never whichever role happens to be the one such variant.
  if (direct && !(direct.method === 'fuzzy' && isBareFunction(parsed))) {
    return { kind: 'match', ...direct, parsed };
  }

  const sameKey = isBareFunction(parsed) ? null : keyMatch(catalog, parsed);
  if (sameKey !== null) {
    return { kind: 'match', roleId: sameKey, method: 'fuzzy', confidence: CONFIDENCE.sameKey, parsed };
  }

  if (parsed.domain !== 'non-it') {
    for (const relaxed of relaxations(parsed)) {
      const match = textMatch(catalog, relaxed.join(' '), parsed.domain, [catalog.canonical, catalog.all]);
      if (match) {
        return {
          kind: 'match',
          roleId: match.roleId,
          method: 'fuzzy',
          confidence: Math.min(match.confidence, CONFIDENCE.relaxed),
          parsed,
        };
      }
    }
  }
  const sibling = siblingNounMatch(catalog, parsed);
  if (sibling !== null) {
    return { kind: 'match', roleId: sibling, method: 'fuzzy', confidence: CONFIDENCE.siblingNoun, parsed };
  }
  const name = creationName(parsed);
  if (name !== parsed.name) {
    const reduced = textMatch(catalog, cleanRoleText(name).cleaned, parsed.domain, [
      catalog.canonical,
      catalog.all,
    ]);
    // "Commercial Analyst" reduces to a bare role noun: that is a guess, left to the default role below.
    const bare = isBareFunction(parseRoleTitle(name));
    if (reduced && !(bare && reduced.method === 'fuzzy')) return { kind: 'match', ...reduced, parsed };
  }
  if (isBareFunction(parsed)) {
    const fallback = DEFAULT_ROLE_OF[parsed.function ?? ''];
    const match = fallback ? textMatch(catalog, fallback, 'it', [catalog.canonical]) : null;
    if (match) {
      return {
        kind: 'match',
        roleId: match.roleId,
        method: 'fuzzy',
        confidence: CONFIDENCE.defaultRole,
        parsed,
      };
    }
    return { kind: 'create', name, domain: parsed.domain, parsed };
  }
  if (parsed.domain !== 'non-it' && parsed.qualifiers.length === 0) {
    return { kind: 'nearest', parsed, create: { name, domain: parsed.domain } };
  }
  return { kind: 'create', name, domain: parsed.domain, parsed };
}
