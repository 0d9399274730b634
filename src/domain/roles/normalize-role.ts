import { cleanRoleText } from './clean-role-text.js';
import { editDistance } from './edit-distance.js';
import {
  facetsOfTokens,
  GENERIC_ROLE_WORDS,
  isPlainVariantOf,
  type RoleFacets,
  rolesConflict,
  sameFunctions,
  TECHNOLOGY_TOKENS,
} from './technology-conflict.js';

export interface RoleCandidate {
  id: number;
  name: string;
  aliases: string[];
  /** Cosine similarity to the input, when the candidate comes from a vector search. */
  similarity?: number;
}

export type RoleMatchMethod = 'exact' | 'alias' | 'fuzzy' | 'vector' | 'created';

export type RoleDecision =
  | { kind: 'match'; roleId: number; method: RoleMatchMethod; confidence: number }
  | { kind: 'create'; name: string };

export interface IndexedRole {
  id: number;
  name: string;
  aliases: string[];
}

interface KeyEntry {
  readonly roleId: number;
  readonly method: 'exact' | 'alias';
}

/** Lookup structures on cleaned forms. A key claimed by two roles is ambiguous and stored as null. */
export interface RoleIndex {
  readonly byCleaned: ReadonlyMap<string, KeyEntry | null>;
  readonly byTokenBag: ReadonlyMap<string, number | null>;
  readonly vocabulary: ReadonlySet<string>;
  readonly vocabularyByLength: ReadonlyMap<number, readonly string[]>;
  /** Facets of every name and alias, for texts that differ only by implied tools or generic words. */
  readonly facetEntries: readonly { readonly roleId: number; readonly facets: RoleFacets }[];
}

const CONFIDENCE = {
  exact: 1,
  alias: 0.97,
  reordered: 0.9,
  fuzzyBase: 0.9,
  fuzzyPerEdit: 0.05,
  fuzzyFloor: 0.7,
  plainVariant: 0.8,
};

function tokenBagKey(tokens: readonly string[]): string {
  return [...tokens].sort().join(' ');
}

function claim<V>(
  map: Map<string, V | null>,
  key: string,
  value: V,
  sameOwner: (a: V, b: V) => boolean,
): void {
  if (!map.has(key)) {
    map.set(key, value);
    return;
  }
  const existing = map.get(key);
  if (existing !== null && existing !== undefined && !sameOwner(existing, value)) map.set(key, null);
}

export function buildRoleIndex(roles: readonly IndexedRole[]): RoleIndex {
  const byCleaned = new Map<string, KeyEntry | null>();
  const byTokenBag = new Map<string, number | null>();
  const vocabulary = new Set<string>();
  const facetEntries: { roleId: number; facets: RoleFacets }[] = [];
  const register = (roleId: number, text: string, method: 'exact' | 'alias'): void => {
    const cleaned = cleanRoleText(text).cleaned;
    if (cleaned.length === 0) return;
    const existing = byCleaned.get(cleaned);
    // A role's own name outranks the same text listed as an alias of that role.
    if (existing && existing.roleId === roleId && existing.method === 'exact') return;
    if (existing && existing.roleId === roleId) byCleaned.set(cleaned, { roleId, method });
    else claim(byCleaned, cleaned, { roleId, method }, (a, b) => a.roleId === b.roleId);
    const tokens = cleaned.split(' ');
    facetEntries.push({ roleId, facets: facetsOfTokens(tokens) });
    claim(byTokenBag, tokenBagKey(tokens), roleId, (a, b) => a === b);
    for (const token of tokens) vocabulary.add(token);
  };
  for (const role of roles) register(role.id, role.name, 'exact');
  for (const role of roles) for (const alias of role.aliases) register(role.id, alias, 'alias');

  const vocabularyByLength = new Map<number, string[]>();
  for (const word of [...vocabulary].sort()) {
    const list = vocabularyByLength.get(word.length) ?? [];
    list.push(word);
    vocabularyByLength.set(word.length, list);
  }
  return { byCleaned, byTokenBag, vocabulary, vocabularyByLength, facetEntries };
}

/** Typos tolerated per token: none for short tokens, where one edit already changes the word. */
function allowedEdits(token: string): number {
  if (token.length <= 3) return 0;
  if (token.length <= 7) return 1;
  return 2;
}

/**
 * The unique vocabulary word nearest to an unknown token, or null when there is none or a tie.
 * A correction into a technology word must keep the first letter: "Pyhton" → python, but never "Lava" → java.
 */
function correctToken(index: RoleIndex, token: string): { word: string; edits: number } | null {
  const limit = allowedEdits(token);
  if (limit === 0 || /\d/.test(token)) return null;
  let best: { word: string; edits: number } | null = null;
  let tie = false;
  for (let length = token.length - limit; length <= token.length + limit; length++) {
    for (const word of index.vocabularyByLength.get(length) ?? []) {
      if (TECHNOLOGY_TOKENS.has(word) && word[0] !== token[0]) continue;
      const edits = editDistance(token, word, limit);
      if (edits > limit) continue;
      if (best === null || edits < best.edits) {
        best = { word, edits };
        tie = false;
      } else if (edits === best.edits) {
        tie = true;
      }
    }
  }
  return best !== null && !tie ? best : null;
}

/** Rejoins words split by a space ("java script", "data base") when the joined word is known. */
function joinSplitWords(index: RoleIndex, tokens: readonly string[]): { tokens: string[]; edits: number } {
  const out: string[] = [];
  let edits = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined && !(index.vocabulary.has(token) && index.vocabulary.has(next))) {
      const joined = token + next;
      if (index.vocabulary.has(joined)) {
        out.push(joined);
        edits += 1;
        i += 1;
        continue;
      }
    }
    out.push(token);
  }
  return { tokens: out, edits };
}

function correctTypos(
  index: RoleIndex,
  tokens: readonly string[],
): { tokens: string[]; edits: number } | null {
  const joined = joinSplitWords(index, tokens);
  let edits = joined.edits;
  const corrected: string[] = [];
  for (const token of joined.tokens) {
    if (index.vocabulary.has(token) || TECHNOLOGY_TOKENS.has(token)) {
      corrected.push(token);
      continue;
    }
    const fix = correctToken(index, token);
    if (fix === null) return null;
    corrected.push(fix.word);
    edits += fix.edits;
  }
  return edits > 0 ? { tokens: corrected, edits } : null;
}

function lookupTokens(index: RoleIndex, tokens: readonly string[]): number | null {
  const entry = index.byCleaned.get(tokens.join(' '));
  if (entry) return entry.roleId;
  return index.byTokenBag.get(tokenBagKey(tokens)) ?? null;
}

function uniqueRoleId(entries: readonly { roleId: number }[]): number | null {
  const ids = new Set(entries.map((e) => e.roleId));
  return ids.size === 1 ? entries[0]!.roleId : null;
}

/**
 * The one role whose name or an alias the text is a plain variant of ("Java Spring Boot Developer",
 * "Selenium Test Automation Engineer"); null when none or several roles fit.
 */
function matchPlainVariant(index: RoleIndex, tokens: readonly string[]): number | null {
  const facets = facetsOfTokens(tokens);
  if (facets.functions.size === 0) return null;
  // The role's own words must all be in the text: "Design Engineer" is no variant of "Software Design Engineer".
  const ownWordsIn = (role: RoleFacets) =>
    role.otherTokens.every((token) => GENERIC_ROLE_WORDS.has(token) || facets.otherTokens.includes(token));
  const compatible = index.facetEntries.filter(
    (entry) => isPlainVariantOf(facets, entry.facets) && ownWordsIn(entry.facets),
  );
  if (compatible.length === 0) return null;
  return uniqueRoleId(compatible) ?? uniqueRoleId(compatible.filter((e) => sameFunctions(facets, e.facets)));
}

/** Exact, alias or typo-tolerant match of a role text against the index; null when nothing fits. */
export function matchByText(index: RoleIndex, text: string): RoleDecision | null {
  const cleaned = cleanRoleText(text).cleaned;
  if (cleaned.length === 0) return null;
  const entry = index.byCleaned.get(cleaned);
  if (entry) {
    return {
      kind: 'match',
      roleId: entry.roleId,
      method: entry.method,
      confidence: CONFIDENCE[entry.method],
    };
  }
  if (entry === null) return null;
  const tokens = cleaned.split(' ');
  const reordered = index.byTokenBag.get(tokenBagKey(tokens));
  if (reordered !== undefined && reordered !== null) {
    return { kind: 'match', roleId: reordered, method: 'fuzzy', confidence: CONFIDENCE.reordered };
  }
  const corrected = correctTypos(index, tokens);
  const variantOf = matchPlainVariant(index, corrected?.tokens ?? tokens);
  if (corrected === null || lookupTokens(index, corrected.tokens) === null) {
    return variantOf === null
      ? null
      : { kind: 'match', roleId: variantOf, method: 'fuzzy', confidence: CONFIDENCE.plainVariant };
  }
  const roleId = lookupTokens(index, corrected.tokens)!;
  const confidence = Math.max(
    CONFIDENCE.fuzzyFloor,
    CONFIDENCE.fuzzyBase - CONFIDENCE.fuzzyPerEdit * (corrected.edits - 1),
  );
  return { kind: 'match', roleId, method: 'fuzzy', confidence };
}

/** Name for a role created from this text: the display form of its cleaned text. */
export function newRoleName(text: string): string {
  const display = cleanRoleText(text).display;
  return display.length > 0 ? display : text.trim();
}

/**
 * Picks the most similar candidate at or above the threshold whose name does not conflict with the text
 * (a Java Developer is never merged into Python Developer however close their vectors); otherwise 'create'.
 */
export function decideFromVectorCandidates(
  text: string,
  candidates: readonly RoleCandidate[],
  threshold: number,
): RoleDecision {
  const eligible = candidates
    .filter((c) => c.similarity !== undefined && Number.isFinite(c.similarity) && c.similarity >= threshold)
    .sort((a, b) => b.similarity! - a.similarity! || a.id - b.id);
  const accepted = eligible.find((c) => !rolesConflict(text, c.name));
  if (accepted) {
    return { kind: 'match', roleId: accepted.id, method: 'vector', confidence: accepted.similarity! };
  }
  return { kind: 'create', name: newRoleName(text) };
}

export { editDistance } from './edit-distance.js';
