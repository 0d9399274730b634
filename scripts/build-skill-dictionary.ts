/**
 * Builds assets/skill-dictionary.json from O*NET technology skills plus the curated list.
 *
 * Keeps skills of computer and IT occupations (SOC 15-*) and every "Hot Technology". O*NET names are
 * vendor-prefixed ("Oracle Java", "Amazon Web Services AWS software"): the display name drops the
 * vendor unless the rest is an everyday word ("Microsoft Word") or two vendors would share it
 * ("Apple iOS", "Cisco IOS"); a trailing acronym that abbreviates the name becomes the display name
 * ("AWS"); category-like names ("Remote access software", "Clustering software") are dropped.
 * "Everyday words" are the lower-case vocabulary of O*NET's own prose (occupation descriptions,
 * commodity titles, generic examples) plus the curated lists. Output is sorted, hence deterministic.
 *
 *   npx tsx scripts/build-skill-dictionary.ts [path/to/onet/dir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SkillEntry } from '../src/domain/skills.js';
import {
  AMBIGUOUS_WORDS,
  CURATED_SKILLS,
  EXCLUDED_EXAMPLES,
  VENDOR_KEEPING_WORDS,
  VENDOR_PREFIXES,
} from './skill-aliases.js';

const SOURCE_CREDIT =
  'Includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license.';
const DEFAULT_ONET_DIR = new URL('../../shared/data/onet/', import.meta.url);
const OUTPUT = new URL('../assets/skill-dictionary.json', import.meta.url);
const IT_OCCUPATION_PREFIX = '15-';
const SHORT_FORM_MAX_LENGTH = 2;
const SHORT_WORD_MAX_LENGTH = 3;

interface OnetRow {
  soc: string;
  example: string;
  commodityTitle: string;
  hot: boolean;
}

interface OnetExample {
  example: string;
  category: string;
  hot: boolean;
}

interface DerivedNames {
  name: string;
  aliases: string[];
  /** Lower-case first word of the vendor stripped from the display name, if any. */
  vendor: string | null;
  /** Display name to fall back to when another vendor's product gets the same name. */
  qualifiedName: string;
}

function readTechnologySkills(onetDir: URL): OnetRow[] {
  const lines = readFileSync(new URL('technology_skills.txt', onetDir), 'utf8').split(/\r?\n/).slice(1);
  const rows: OnetRow[] = [];
  for (const line of lines) {
    const [soc, example, , commodityTitle, hotFlag] = line.split('\t');
    if (!soc || !example || !commodityTitle) continue;
    rows.push({ soc, example: example.trim(), commodityTitle, hot: hotFlag?.trim() === 'Y' });
  }
  return rows;
}

/** Lower-case words of O*NET prose: occupation descriptions, commodity titles and generic example names. */
function readEverydayWords(onetDir: URL, rows: OnetRow[]): Set<string> {
  const descriptions = readFileSync(new URL('occupation_data.txt', onetDir), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t')[2] ?? '');
  const genericExamples = rows
    .map((r) => r.example)
    .filter(isCategoryLike)
    .map((e) => words(e).slice(1).join(' '));
  const prose = [...descriptions, ...rows.map((r) => r.commodityTitle), ...genericExamples]
    .join(' ')
    .toLowerCase();
  return new Set([...(prose.match(/[a-z][a-z+-]*/g) ?? []), ...VENDOR_KEEPING_WORDS]);
}

function collectExamples(rows: OnetRow[]): OnetExample[] {
  const byExample = new Map<string, { categories: Map<string, number>; hot: boolean; relevant: boolean }>();
  for (const { soc, example, commodityTitle, hot } of rows) {
    const stats = byExample.get(example) ?? { categories: new Map(), hot: false, relevant: false };
    stats.categories.set(commodityTitle, (stats.categories.get(commodityTitle) ?? 0) + 1);
    stats.hot ||= hot;
    stats.relevant ||= soc.startsWith(IT_OCCUPATION_PREFIX) || hot;
    byExample.set(example, stats);
  }
  const examples: OnetExample[] = [];
  for (const [example, stats] of byExample) {
    if (!stats.relevant) continue;
    examples.push({ example, category: mostFrequent(stats.categories), hot: stats.hot });
  }
  return examples.sort((a, b) => compareText(a.example, b.example));
}

function mostFrequent(counts: Map<string, number>): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  return stripSoftwareSuffix(sorted[0]![0]);
}

function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function stripSoftwareSuffix(text: string): string {
  return text.replace(/\s+software$/i, '').trim();
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** "Remote access", "Packet analyzers": a description of a kind of software, not a product. */
function isCategoryLike(text: string): boolean {
  const [first, ...rest] = words(text);
  if (!first || rest.length === 0) return false;
  return first.slice(1) === first.slice(1).toLowerCase() && rest.every((w) => w === w.toLowerCase());
}

/** "Clustering", "Tax", "Word": a single everyday word cannot name a product on its own. */
function isEverydayWord(text: string, everyday: Set<string>): boolean {
  const tokens = words(text);
  return tokens.length > 0 && tokens.every((w) => everyday.has(w.toLowerCase()));
}

function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9-]*[A-Z0-9]$/.test(word) && word.replace(/[^A-Z]/g, '').length >= 2;
}

/** "Amazon Web Services AWS": the acronym's letters follow the initials (and inner capitals) of the words before it. */
function abbreviates(acronym: string, phrase: string[]): boolean {
  if (phrase.length < 2) return false;
  const initials = phrase
    .map((word) => word[0]! + word.slice(1).replace(/[^A-Z0-9]/g, ''))
    .join('')
    .toLowerCase();
  const letters = acronym.toLowerCase().replace(/-/g, '');
  if (letters[0] !== initials[0]) return false;
  let position = 0;
  for (const char of initials) if (char === letters[position]) position += 1;
  return position === letters.length;
}

const VENDORS_LONGEST_FIRST = [...VENDOR_PREFIXES].sort((a, b) => b.length - a.length);

/** "Adobe Systems Adobe Photoshop" → ["Adobe Systems Adobe Photoshop", "Adobe Photoshop", "Photoshop"]. */
function vendorVariants(name: string, everyday: Set<string>): { variants: string[]; vendor: string | null } {
  const variants = [name];
  let vendor: string | null = null;
  for (let current = name, stripped = true; stripped; ) {
    stripped = false;
    const prefix = VENDORS_LONGEST_FIRST.find((v) => current.startsWith(`${v} `));
    if (!prefix) break;
    const rest = current.slice(prefix.length + 1).trim();
    if (isEverydayWord(rest, everyday) || isCategoryLike(rest)) break;
    vendor ??= words(prefix)[0]!.toLowerCase();
    current = rest;
    variants.push(rest);
    stripped = true;
  }
  return { variants, vendor };
}

export function deriveNames(example: string, everyday: Set<string>): DerivedNames | null {
  if (EXCLUDED_EXAMPLES.has(example) || /[,;:]/.test(example)) return null;
  const text = stripSoftwareSuffix(example.replace(/\s*\(([A-Z][A-Za-z0-9-]+)\)\s*$/, ' $1'));
  const { variants, vendor } = vendorVariants(text, everyday);
  const lastWord = words(text).at(-1) ?? '';
  if (isAcronym(lastWord)) {
    const longForms = variants.map((v) => words(v).slice(0, -1));
    const withoutAcronym = longForms[0]!;
    if (
      longForms.some((phrase) => abbreviates(lastWord, phrase)) ||
      isCategoryLike(withoutAcronym.join(' '))
    ) {
      const aliases = longForms
        .filter((phrase, i) => phrase.length >= 2 && (i === 0 || abbreviates(lastWord, phrase)))
        .map((phrase) => phrase.join(' '));
      return { name: lastWord, aliases, vendor: null, qualifiedName: lastWord };
    }
  }
  if (isCategoryLike(text) || (variants.length === 1 && isEverydayWord(text, everyday))) return null;
  const name = variants.at(-1)!;
  const qualifiedName = variants.at(-2) ?? name;
  return { name, aliases: variants.slice(0, -1), vendor, qualifiedName };
}

interface DraftEntry {
  name: string;
  aliases: Set<string>;
  category: string;
  hot: boolean;
}

const formKey = (form: string): string => form.trim().replace(/\s+/g, ' ').toLowerCase();

function mergeInto(target: DraftEntry, source: DraftEntry): void {
  if (formKey(source.name) !== formKey(target.name)) target.aliases.add(source.name);
  for (const alias of source.aliases) target.aliases.add(alias);
  target.hot ||= source.hot;
}

/** Two vendors' products that would share a display name ("Apple iOS", "Cisco IOS") keep their vendor. */
function resolveVendorClashes(derived: DerivedNames[]): DerivedNames[] {
  const vendorsByName = new Map<string, Set<string>>();
  for (const d of derived) {
    if (!d.vendor) continue;
    const vendors = vendorsByName.get(formKey(d.name)) ?? new Set<string>();
    vendors.add(d.vendor);
    vendorsByName.set(formKey(d.name), vendors);
  }
  return derived.map((d) => {
    if (!d.vendor || (vendorsByName.get(formKey(d.name))?.size ?? 0) < 2) return d;
    return { ...d, name: d.qualifiedName, aliases: d.aliases.filter((a) => a !== d.qualifiedName) };
  });
}

function buildDrafts(examples: OnetExample[], everyday: Set<string>): DraftEntry[] {
  const derivations = examples.flatMap((example) => {
    const derived = deriveNames(example.example, everyday);
    return derived ? [{ example, derived }] : [];
  });
  const resolved = resolveVendorClashes(derivations.map((d) => d.derived));
  const byName = new Map<string, DraftEntry>();
  for (const [index, derived] of resolved.entries()) {
    const { category, hot } = derivations[index]!.example;
    const draft: DraftEntry = { name: derived.name, aliases: new Set(derived.aliases), category, hot };
    const existing = byName.get(formKey(derived.name));
    if (existing) mergeInto(existing, draft);
    else byName.set(formKey(derived.name), draft);
  }
  let drafts = [...byName.values()];
  for (const curated of CURATED_SKILLS) {
    const curatedForms = new Set([curated.name, ...curated.aliases].map(formKey));
    const sharesForm = (d: DraftEntry) =>
      [d.name, ...d.aliases].some((form) => curatedForms.has(formKey(form)));
    const merged: DraftEntry = {
      name: curated.name,
      aliases: new Set(curated.aliases),
      category: curated.category,
      hot: false,
    };
    for (const draft of drafts.filter(sharesForm)) mergeInto(merged, draft);
    drafts = [...drafts.filter((d) => !sharesForm(d)), merged];
  }
  return drafts;
}

/** A form claimed by several entries is kept only by the entry it names, otherwise dropped everywhere. */
function toEntries(drafts: DraftEntry[], contextual: Set<string>): SkillEntry[] {
  const names = new Set(drafts.map((d) => formKey(d.name)));
  const aliasOwners = new Map<string, number>();
  for (const draft of drafts) {
    const keys = new Set([...draft.aliases].map(formKey));
    for (const key of keys) aliasOwners.set(key, (aliasOwners.get(key) ?? 0) + 1);
  }
  const entries = drafts.map((draft): SkillEntry => {
    const aliases = [...draft.aliases]
      .filter((alias) => {
        const key = formKey(alias);
        return key !== formKey(draft.name) && !names.has(key) && aliasOwners.get(key) === 1;
      })
      .filter((alias, index, all) => all.findIndex((a) => formKey(a) === formKey(alias)) === index)
      .sort(compareText);
    const ambiguous = [draft.name, ...aliases].filter((form) => isAmbiguousForm(form, contextual));
    return {
      name: draft.name,
      aliases,
      category: draft.category,
      ...(draft.hot ? { hot: true } : {}),
      ...(ambiguous.length > 0 ? { ambiguous } : {}),
    };
  });
  return entries.sort((a, b) => compareText(a.name, b.name));
}

const CURATED_FORMS = new Set(CURATED_SKILLS.flatMap((s) => [s.name, ...s.aliases]));

/** "Email software", "Qlik software": a single word that O*NET itself felt needed a noun after it. */
function readSoftwareSuffixedWords(rows: OnetRow[]): Set<string> {
  const suffixed = rows
    .map((r) => /^([A-Z][a-z]+) software$/.exec(r.example)?.[1])
    .filter((w) => w !== undefined);
  return new Set(suffixed.map((w) => w.toLowerCase()));
}

/**
 * Forms that need their exact case and some context in free text: everyday words ("Spark", "Excel",
 * "Email"), very short forms ("R", "Go", "Ada") and uncurated acronyms ("SAN" is also "San Francisco",
 * "MAGIC" also "magic"). Curated names are trusted unless listed as ambiguous words.
 */
function isAmbiguousForm(form: string, everyday: Set<string>): boolean {
  if (form.length <= SHORT_FORM_MAX_LENGTH) return true;
  if (!/^[\p{L}]+$/u.test(form)) return false;
  const lower = form.toLowerCase();
  if (AMBIGUOUS_WORDS.has(lower)) return true;
  if (CURATED_FORMS.has(form)) return false;
  return everyday.has(lower) || form.length <= SHORT_WORD_MAX_LENGTH || form === form.toUpperCase();
}

function serialize(entries: SkillEntry[]): string {
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "source": ${JSON.stringify(SOURCE_CREDIT)},\n  "skills": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

function main(): void {
  const onetDir = process.argv[2]
    ? pathToFileURL(`${process.argv[2].replace(/\/?$/, '/')}`)
    : DEFAULT_ONET_DIR;
  const rows = readTechnologySkills(onetDir);
  const everyday = readEverydayWords(onetDir, rows);
  const contextual = new Set([...everyday, ...readSoftwareSuffixedWords(rows)]);
  const entries = toEntries(buildDrafts(collectExamples(rows), everyday), contextual);
  const json = serialize(entries);
  writeFileSync(OUTPUT, json);
  console.log(
    `wrote ${entries.length} skills (${(json.length / 1024).toFixed(0)} KB) to ${fileURLToPath(OUTPUT)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
