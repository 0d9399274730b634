/**
 * Evaluates role normalization with the text stages alone (exact, alias, fuzzy).
 *
 * Labelled set (buildRoleEvalSet):
 * - hand: recruiter-style texts from role-eval-cases.ts;
 * - held-out: one O*NET-derived alias in five (chosen by a hash of its cleaned form) is removed from the
 *   index and must still reach its role: this measures titles the index has never seen;
 * - noisy: each remaining name and alias with seeded noise (seniority, level, abbreviation, typo, case,
 *   posting words), expected to reach its role.
 * A wrong merge is a text mapped to another existing role; 'no match' would go on to the vector stage.
 *
 * Run: npx tsx scripts/eval-roles.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanRoleText } from '../src/domain/roles/clean-role-text.js';
import {
  buildRoleIndex,
  type IndexedRole,
  matchByText,
  type RoleIndex,
} from '../src/domain/roles/normalize-role.js';
import { rolesConflict } from '../src/domain/roles/technology-conflict.js';
import { HAND_LABELLED_CASES, NEGATIVE_PAIRS } from './role-eval-cases.js';
import { CURATED_ROLES } from './role-seed-curated.js';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const ROLE_SEED_PATH = path.resolve(scriptDir, '../assets/role-seed.json');

export type RoleEvalSource = 'hand' | 'held-out' | 'noisy';

export interface LabelledRoleText {
  text: string;
  expectedRoleId: number;
  source: RoleEvalSource;
}

export interface RoleEvalSet {
  /** Roles to index: the seed without the held-out aliases. */
  roles: IndexedRole[];
  cases: LabelledRoleText[];
  negativePairs: ReadonlyArray<readonly [string, string]>;
}

interface SeedFile {
  roles: { name: string; aliases: string[] }[];
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bDeveloper\b/, 'Dev'],
  [/\bEngineer\b/, 'Engr'],
  [/\bAdministrator\b/, 'Admin'],
  [/\bManager\b/, 'Mgr'],
  [/\bQuality Assurance\b/, 'QA'],
  [/\bJavaScript\b/, 'JS'],
  [/\bProgrammer\b/, 'Developer'],
  [/\bFull Stack\b/, 'Fullstack'],
  [/\bFrontend\b/, 'Front-End'],
  [/\bArchitect\b/, 'Arch'],
];

/** Swaps two inner letters of the longest word: a typo the fuzzy stage is meant to absorb. */
function transposeLetters(text: string, random: () => number): string {
  const words = text.split(' ');
  const longest = words.reduce((best, word, i) => (word.length > words[best]!.length ? i : best), 0);
  const word = words[longest]!;
  if (word.length < 5 || !/^[A-Za-z]+$/.test(word)) return text;
  const at = 1 + Math.floor(random() * (word.length - 3));
  words[longest] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

const NOISES: ReadonlyArray<(text: string, random: () => number) => string> = [
  (text, random) =>
    `${pick(random, ['Sr.', 'Senior', 'Jr', 'Junior', 'Lead', 'Principal', 'Staff', 'Entry Level'])} ${text}`,
  (text, random) => `${text} ${pick(random, ['II', 'III', '2', 'L5', 'Level 3', 'I'])}`,
  (text, random) => {
    const applicable = ABBREVIATIONS.filter(([pattern]) => pattern.test(text));
    if (applicable.length === 0) return text;
    const [pattern, short] = pick(random, applicable);
    return text.replace(pattern, short);
  },
  transposeLetters,
  (text, random) => (random() < 0.5 ? text.toLowerCase() : text.toUpperCase()),
  (text, random) => `${text}${pick(random, [' (Remote)', ' - Contract', ', W2', ' / Hybrid'])}`,
];

function noisyVariant(text: string, random: () => number): string {
  const count = 1 + Math.floor(random() * 2);
  let variant = text;
  for (let i = 0; i < count; i++) variant = pick(random, NOISES)(variant, random);
  return variant;
}

const HOLD_OUT_ONE_IN = 5;

export function buildRoleEvalSet(
  seed: SeedFile = JSON.parse(readFileSync(ROLE_SEED_PATH, 'utf8')),
): RoleEvalSet {
  const curatedAliases = new Set(
    CURATED_ROLES.flatMap((role) => role.aliases.map((a) => cleanRoleText(a).cleaned)),
  );
  const roles: IndexedRole[] = [];
  const cases: LabelledRoleText[] = [];
  const random = seededRandom(20_240_601);
  seed.roles.forEach((role, id) => {
    const kept: string[] = [];
    for (const alias of role.aliases) {
      const cleaned = cleanRoleText(alias).cleaned;
      const heldOut = !curatedAliases.has(cleaned) && fnv1a(cleaned) % HOLD_OUT_ONE_IN === 0;
      if (heldOut) cases.push({ text: alias, expectedRoleId: id, source: 'held-out' });
      else kept.push(alias);
    }
    roles.push({ id, name: role.name, aliases: kept });
    for (const text of [role.name, ...kept]) {
      cases.push({ text: noisyVariant(text, random), expectedRoleId: id, source: 'noisy' });
    }
  });
  const idByName = new Map(seed.roles.map((role, id) => [role.name, id]));
  for (const { text, expected } of HAND_LABELLED_CASES) {
    const id = idByName.get(expected);
    if (id === undefined) throw new Error(`hand-labelled case "${text}" expects unknown role "${expected}"`);
    cases.push({ text, expectedRoleId: id, source: 'hand' });
  }
  return { roles, cases, negativePairs: NEGATIVE_PAIRS };
}

export interface RoleEvalScore {
  total: number;
  correct: number;
  wrongMerge: number;
  noMatch: number;
}

export function scoreCases(
  cases: readonly LabelledRoleText[],
  resolve: (text: string) => number | null,
): RoleEvalScore & { wrong: { text: string; expectedRoleId: number; gotRoleId: number }[] } {
  const score = {
    total: cases.length,
    correct: 0,
    wrongMerge: 0,
    noMatch: 0,
    wrong: [] as { text: string; expectedRoleId: number; gotRoleId: number }[],
  };
  for (const { text, expectedRoleId } of cases) {
    const got = resolve(text);
    if (got === null) score.noMatch += 1;
    else if (got === expectedRoleId) score.correct += 1;
    else {
      score.wrongMerge += 1;
      score.wrong.push({ text, expectedRoleId, gotRoleId: got });
    }
  }
  return score;
}

function textStageResolver(index: RoleIndex): (text: string) => number | null {
  return (text) => {
    const decision = matchByText(index, text);
    return decision?.kind === 'match' ? decision.roleId : null;
  };
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;

function main(): void {
  const evalSet = buildRoleEvalSet();
  const index = buildRoleIndex(evalSet.roles);
  const resolve = textStageResolver(index);
  const nameOf = (id: number): string => evalSet.roles[id]?.name ?? `#${id}`;
  console.log(`roles indexed: ${evalSet.roles.length}; labelled texts: ${evalSet.cases.length}\n`);
  console.log('source     n      accuracy  wrong-merge  no-match');
  for (const source of ['hand', 'noisy', 'held-out'] as const) {
    const score = scoreCases(
      evalSet.cases.filter((c) => c.source === source),
      resolve,
    );
    console.log(
      `${source.padEnd(9)}  ${String(score.total).padEnd(5)}  ${percent(score.correct, score.total).padEnd(8)}  ` +
        `${percent(score.wrongMerge, score.total).padEnd(11)}  ${percent(score.noMatch, score.total)}`,
    );
    for (const wrong of score.wrong.slice(0, 8)) {
      console.log(
        `    wrong: "${wrong.text}" → ${nameOf(wrong.gotRoleId)} (expected ${nameOf(wrong.expectedRoleId)})`,
      );
    }
  }
  const conflicting = evalSet.negativePairs.filter(([a, b]) => rolesConflict(a, b)).length;
  const merged = evalSet.negativePairs.filter(([a, b]) => {
    const ra = resolve(a);
    return ra !== null && ra === resolve(b);
  });
  console.log(
    `\nnegative pairs: ${evalSet.negativePairs.length}; vetoed by rolesConflict: ${conflicting}; ` +
      `merged by text stages: ${merged.length}`,
  );
  for (const [a, b] of merged) console.log(`    merged: "${a}" and "${b}"`);
  const handMisses = scoreCases(
    evalSet.cases.filter((c) => c.source === 'hand'),
    resolve,
  );
  const missed = evalSet.cases
    .filter((c) => c.source === 'hand' && resolve(c.text) === null)
    .map((c) => c.text);
  if (missed.length > 0)
    console.log(`\nhand cases left to the vector stage (${handMisses.noMatch}): ${missed.join(' | ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
