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
 * The full pipeline (text stages, then the vector stage with the local provider) runs against the same roles
 * stored in an in-memory PGlite; it adds a 'foreign' set: titles of non-IT O*NET occupations, which must NOT
 * be merged into any IT role (they would become new roles). The vector threshold is swept to calibrate it.
 *
 * Then the clustering of real, hand-clustered titles (scripts/eval-role-clusters.ts): pairwise precision, recall
 * and F1 with `--create` semantics (the headline), B-cubed precision, recall and F1 and per-text accuracy beside
 * it, per split (tuned on one source, held out on the others).
 *
 * Run: npm run eval:roles [-- --clusters] [-- --verbose] [-- --split=ats]
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
import { seededRandom } from '../src/domain/seeded-random.js';
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

function printTextStages(): void {
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

const ONET_OCCUPATIONS_PATH = path.resolve(scriptDir, '../../shared/data/onet/occupation_data.txt');

/** Titles of O*NET occupations outside the seed (nurses, accountants, welders): none is an IT role. */
export function foreignTitles(seed: { roles: { onetCodes?: string[] }[] }, every = 8): string[] {
  const seedCodes = new Set(seed.roles.flatMap((role) => role.onetCodes ?? []));
  return readFileSync(ONET_OCCUPATIONS_PATH, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([code, title]) => code && title && !code.startsWith('15-') && !seedCodes.has(code))
    .map(([, title]) => title!)
    .filter((_, i) => i % every === 0);
}

async function printFullPipeline(): Promise<void> {
  const [{ openPglite }, { migrate }, { createLocalEmbeddingProvider }, { embedMissing }, roles] =
    await Promise.all([
      import('../src/db/pglite-database.js'),
      import('../src/db/migrator.js'),
      import('../src/embeddings/local-provider.js'),
      import('../src/embeddings/embed-rows.js'),
      import('./eval-roles-pipeline.js'),
    ]);
  const seed = JSON.parse(readFileSync(ROLE_SEED_PATH, 'utf8'));
  const evalSet = buildRoleEvalSet(seed);
  const foreign = foreignTitles(seed);
  const database = await openPglite();
  try {
    await migrate(database);
    const provider = await createLocalEmbeddingProvider();
    // Stored ids are eval ids + 1 (serial ids start at 1).
    await database.sql.query(
      `INSERT INTO global_roles (id, name, aliases)
       SELECT s.id + 1, s.name, s.aliases FROM jsonb_to_recordset($1::jsonb) AS s(id int, name text, aliases text[])`,
      [JSON.stringify(evalSet.roles)],
    );
    const started = performance.now();
    const embedded = await embedMissing(database, provider, { table: 'global_roles' });
    const embedMs = performance.now() - started;
    console.log(
      `\nfull pipeline (PGlite, ${provider.modelId}): ${embedded.embedded} roles embedded in ${embedMs.toFixed(0)} ms`,
    );
    const texts = [
      ...new Set([...evalSet.cases.map((c) => c.text), ...foreign, ...evalSet.negativePairs.flat()]),
    ];
    const outcomes = await roles.stageOutcomes(database, provider, texts);
    const outcomeOf = new Map(texts.map((text, i) => [text, outcomes[i]!]));
    const labelled = [
      ...evalSet.cases.map((c) => ({
        text: c.text,
        expected: (c.expectedRoleId + 1) as number | null,
        source: c.source,
      })),
      ...foreign.map((text) => ({ text, expected: null as number | null, source: 'foreign' as const })),
    ];
    const sources = ['hand', 'noisy', 'held-out', 'foreign'] as const;
    console.log('\nthreshold sweep (all sources; a foreign title mapped to any role is a wrong merge):');
    console.log('threshold  accuracy  wrong-merge  no-match  held-out  foreign-merged');
    for (let threshold = 0.5; threshold <= 0.951; threshold += 0.025) {
      const score = roles.scoreAtThreshold(labelled, outcomeOf, threshold);
      const of = (source: string) =>
        roles.scoreAtThreshold(
          labelled.filter((c) => c.source === source),
          outcomeOf,
          threshold,
        );
      const heldOut = of('held-out');
      const foreignScore = of('foreign');
      console.log(
        `${threshold.toFixed(3).padEnd(9)}  ${percent(score.correct, score.total).padEnd(8)}  ` +
          `${percent(score.wrong, score.total).padEnd(11)}  ${percent(score.noMatch, score.total).padEnd(8)}  ` +
          `${percent(heldOut.correct, heldOut.total).padEnd(8)}  ${foreignScore.wrong}`,
      );
      if (process.env.EVAL_VERBOSE) for (const w of score.wrongCases) console.log(`    ${JSON.stringify(w)}`);
    }
    const threshold = roles.DEFAULT_ROLE_MATCH_THRESHOLD;
    const resolved = await roles.resolveAll(database, provider, texts, threshold);
    const got = new Map(texts.map((text, i) => [text, resolved[i]!]));
    console.log(`\nnormalizeRole at the default threshold ${threshold}:`);
    console.log('source     n      accuracy  wrong-merge  no-match');
    const total = { total: 0, correct: 0, wrong: 0, noMatch: 0 };
    for (const source of sources) {
      const cases = labelled.filter((c) => c.source === source);
      const score = roles.scoreResolved(cases, got);
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += score[key];
      console.log(
        `${source.padEnd(9)}  ${String(score.total).padEnd(5)}  ${percent(score.correct, score.total).padEnd(8)}  ` +
          `${percent(score.wrong, score.total).padEnd(11)}  ${percent(score.noMatch, score.total)}`,
      );
      for (const wrong of score.wrongCases.slice(0, 6)) {
        const name = (id: number | null) =>
          id === null ? 'new role' : (evalSet.roles[id - 1]?.name ?? `#${id}`);
        console.log(`    wrong: "${wrong.text}" → ${name(wrong.got)} (expected ${name(wrong.expected)})`);
      }
    }
    console.log(
      `${'all'.padEnd(9)}  ${String(total.total).padEnd(5)}  ${percent(total.correct, total.total).padEnd(8)}  ` +
        `${percent(total.wrong, total.total).padEnd(11)}  ${percent(total.noMatch, total.total)}`,
    );
    const merged = evalSet.negativePairs.filter(([a, b]) => {
      const ra = got.get(a) ?? null;
      return ra !== null && ra === (got.get(b) ?? null);
    });
    console.log(
      `negative pairs merged by the full pipeline: ${merged.length} of ${evalSet.negativePairs.length}`,
    );
  } finally {
    await database.close();
  }
}

/** Pairwise clustering of real titles with `--create` semantics, per split, each on a fresh seeded database. */
async function printClustering(verbose: boolean, only: string | undefined): Promise<void> {
  const [
    { openPglite },
    { migrate },
    { createLocalEmbeddingProvider },
    { loadRoleSeed, seedRoles },
    clusters,
  ] = await Promise.all([
    import('../src/db/pglite-database.js'),
    import('../src/db/migrator.js'),
    import('../src/embeddings/local-provider.js'),
    import('../src/roles/seed-roles.js'),
    import('./eval-role-clusters.js'),
  ]);
  const file = clusters.loadRoleTitles();
  const provider = await createLocalEmbeddingProvider();
  const seed = await loadRoleSeed();
  const splits: { name: string; sources: string[] }[] = [
    ...file.splits.tune.map((source) => ({ name: `tune: ${source}`, sources: [source] })),
    ...file.splits['held-out'].map((source) => ({ name: `held-out: ${source}`, sources: [source] })),
    { name: 'held-out: all', sources: file.splits['held-out'] },
  ];
  console.log(
    `\nclustering of ${file.titles.length} hand-clustered real titles (eval/role-titles.json), in file order ` +
      'with --create, each split on a fresh database seeded with assets/role-seed.json:',
  );
  for (const split of splits.filter((s) => only === undefined || s.name.includes(only))) {
    const database = await openPglite();
    try {
      await migrate(database);
      await seedRoles(database, provider, seed);
      const titles = file.titles.filter((t) => split.sources.includes(t.source));
      const outcomes = await clusters.normalizeInOrder(database, provider, titles);
      clusters.printSplitReport(
        { name: split.name, outcomes, score: clusters.scoreOutcomes(outcomes), seededRoles: seed.length },
        verbose,
      );
    } finally {
      await database.close();
    }
  }
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const verbose = args.has('--verbose') || Boolean(process.env.EVAL_VERBOSE);
  if (!args.has('--clusters')) {
    printTextStages();
    await printFullPipeline();
  }
  const only = process.argv.find((arg) => arg.startsWith('--split='))?.slice('--split='.length);
  await printClustering(verbose, only);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
