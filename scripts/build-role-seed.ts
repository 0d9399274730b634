/**
 * Builds assets/role-seed.json: canonical IT staffing roles with aliases, from the curated list in
 * role-seed-curated.ts plus O*NET 27.0 titles of the computer and IT occupations.
 *
 * An O*NET title goes to the one role whose name it is compatible with (same specialities, shared function,
 * see technology-conflict.ts); failing that, to the role of its occupation when compatible with it; else it
 * is left out (O*NET lists e.g. "Firmware Engineer" under Blockchain Engineers). A cleaned form belongs to one
 * role only: curated names and aliases claim first, then titles in occupation-code order.
 *
 * Run: npx tsx scripts/build-role-seed.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliasDisagreement, synonymDisagreement } from '../src/domain/roles/alias-fit.js';
import { cleanRoleText } from '../src/domain/roles/clean-role-text.js';
import {
  detectRoleFacets,
  facetsConflict,
  isPlainVariantOf,
  type RoleFacets,
  sameFunctions,
} from '../src/domain/roles/technology-conflict.js';
import { CURATED_ROLES, OCCUPATION_ROLES, type RoleCategory } from './role-seed-curated.js';

export const ONET_CREDIT =
  'Includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training ' +
  'Administration (USDOL/ETA), used under the CC BY 4.0 license.';

export interface SeedRole {
  name: string;
  aliases: string[];
  category: RoleCategory;
  onetCodes: string[];
}

export interface RoleSeed {
  source: string;
  roles: SeedRole[];
}

export interface OnetTitle {
  code: string;
  title: string;
}

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(scriptDir, '..');
export const ONET_DIR = path.resolve(REPO_ROOT, '../shared/data/onet');
export const ROLE_SEED_PATH = path.join(REPO_ROOT, 'assets/role-seed.json');

function readTabFile(fileName: string): string[][] {
  const text = readFileSync(path.join(ONET_DIR, fileName), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim().length > 0)
    .map((line) => line.split('\t'));
}

/** Splits "A (B) C (D)" into the text outside brackets and the top-level bracketed parts, nesting kept. */
function splitBrackets(title: string): { outside: string; inside: string[] } {
  let depth = 0;
  let outside = '';
  let current = '';
  const inside: string[] = [];
  for (const ch of title) {
    if (ch === '(') {
      if (depth > 0) current += ch;
      depth += 1;
    } else if (ch === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        inside.push(current.trim());
        current = '';
      } else current += ch;
    } else if (depth > 0) current += ch;
    else outside += ch;
  }
  return { outside: outside.replace(/\s+/g, ' ').trim(), inside };
}

/** "ETL Developer (Extract-Transform-Load Developer)" → both titles; single-word acronyms are too ambiguous. */
export function expandOnetTitle(title: string, shortTitle?: string): string[] {
  const { outside, inside } = splitBrackets(title);
  const titles = outside.length > 0 ? [outside] : [];
  for (const part of inside) {
    const plain = splitBrackets(part).outside;
    if (plain.split(/\s+/).length >= 2) titles.push(plain);
  }
  if (shortTitle && shortTitle !== 'n/a') titles.push(shortTitle.trim());
  return titles;
}

/** Titles of the included occupations: occupation title, then alternate and reported titles, by code. */
export function loadOnetTitles(): OnetTitle[] {
  const codes = new Set(OCCUPATION_ROLES.map((occupation) => occupation.code));
  const titles: OnetTitle[] = [];
  const add = (code: string | undefined, raw: string[]): void => {
    if (code === undefined || !codes.has(code)) return;
    for (const title of raw) titles.push({ code, title });
  };
  for (const [code, title] of readTabFile('occupation_data.txt')) add(code, [title ?? '']);
  for (const [code, title, shortTitle] of readTabFile('alternate_titles.txt')) {
    add(code, expandOnetTitle(title ?? '', shortTitle));
  }
  for (const [code, title] of readTabFile('sample_of_reported_titles.txt'))
    add(code, expandOnetTitle(title ?? ''));
  return titles
    .filter((t) => t.title.length > 0)
    .sort((a, b) => a.code.localeCompare(b.code) || a.title.localeCompare(b.title));
}

interface RoleDraft extends SeedRole {
  facets: RoleFacets;
}

/** The single role a title is plainly a variant of, judged on the role's name. */
function clearRoleFor(title: RoleFacets, roles: readonly RoleDraft[]): RoleDraft | null {
  const compatible = roles.filter((role) => isPlainVariantOf(title, role.facets));
  if (compatible.length === 1) return compatible[0]!;
  const exact = compatible.filter((role) => sameFunctions(title, role.facets));
  return exact.length === 1 ? exact[0]! : null;
}

/** Loose fit to the occupation's own role: no conflict, and something in common. */
function fitsOccupationRole(title: RoleFacets, role: RoleFacets): boolean {
  if (facetsConflict(title, role)) return false;
  if (title.functions.size > 0) return [...title.functions].some((f) => role.functions.has(f));
  return [...title.specialities].some((s) => role.specialities.has(s));
}

export interface SeedStats {
  titles: number;
  assigned: number;
  duplicates: number;
  leftOut: string[];
}

export function buildRoleSeed(onetTitles: readonly OnetTitle[]): { seed: RoleSeed; stats: SeedStats } {
  const roles: RoleDraft[] = [];
  const byName = new Map<string, RoleDraft>();
  const owner = new Map<string, RoleDraft>();
  const addRole = (name: string, category: RoleCategory): RoleDraft => {
    const existing = byName.get(name);
    if (existing) return existing;
    const draft: RoleDraft = { name, aliases: [], category, onetCodes: [], facets: detectRoleFacets(name) };
    const cleaned = cleanRoleText(name).cleaned;
    if (owner.has(cleaned))
      throw new Error(`role name "${name}" collides with "${owner.get(cleaned)!.name}"`);
    owner.set(cleaned, draft);
    roles.push(draft);
    byName.set(name, draft);
    return draft;
  };
  const addAlias = (role: RoleDraft, alias: string, synonym = false): boolean => {
    const cleaned = cleanRoleText(alias).cleaned;
    // An alias must mean the role by its parsed parts (a reviewed synonym only needs to name a role cleanly).
    const disagreement = synonym
      ? synonymDisagreement(alias, role.name)
      : aliasDisagreement(alias, role.name);
    if (cleaned.length === 0 || disagreement !== null) return false;
    const current = owner.get(cleaned);
    if (current) return current === role;
    owner.set(cleaned, role);
    role.aliases.push(alias);
    return true;
  };
  const addCode = (role: RoleDraft, code: string): void => {
    if (!role.onetCodes.includes(code)) role.onetCodes.push(code);
  };

  for (const curated of CURATED_ROLES) addRole(curated.name, curated.category);
  for (const curated of CURATED_ROLES) {
    const role = byName.get(curated.name)!;
    for (const [synonym, texts] of [
      [false, curated.aliases],
      [true, curated.synonyms],
    ] as const) {
      for (const alias of texts) {
        if (addAlias(role, alias, synonym)) continue;
        const why =
          (synonym ? synonymDisagreement(alias, role.name) : aliasDisagreement(alias, role.name)) ??
          'it is taken';
        throw new Error(`curated alias "${alias}" of "${role.name}": ${why}`);
      }
    }
  }
  const occupationRole = new Map<string, RoleDraft>();
  for (const occupation of OCCUPATION_ROLES) {
    if (occupation.role === null) continue;
    const role = addRole(occupation.role.name, occupation.role.category);
    occupationRole.set(occupation.code, role);
    addCode(role, occupation.code);
  }

  const stats: SeedStats = { titles: onetTitles.length, assigned: 0, duplicates: 0, leftOut: [] };
  for (const { code, title } of onetTitles) {
    const cleaned = cleanRoleText(title).cleaned;
    const claimed = owner.get(cleaned);
    if (claimed) {
      stats.duplicates += 1;
      continue;
    }
    const facets = detectRoleFacets(title);
    const fallback = occupationRole.get(code);
    const target =
      clearRoleFor(facets, roles) ??
      (fallback && fitsOccupationRole(facets, fallback.facets) ? fallback : null);
    if (target === null) {
      stats.leftOut.push(`${code} ${title}`);
      continue;
    }
    addAlias(target, title);
    addCode(target, code);
    stats.assigned += 1;
  }

  const seed: RoleSeed = {
    source: ONET_CREDIT,
    roles: roles.map(({ name, aliases, category, onetCodes }) => ({
      name,
      aliases: [...aliases].sort((a, b) => a.localeCompare(b)),
      category,
      onetCodes: [...onetCodes].sort(),
    })),
  };
  return { seed, stats };
}

function main(): void {
  const { seed, stats } = buildRoleSeed(loadOnetTitles());
  writeFileSync(ROLE_SEED_PATH, `${JSON.stringify(seed, null, 2)}\n`);
  const aliases = seed.roles.reduce((n, role) => n + role.aliases.length, 0);
  console.log(
    `roles: ${seed.roles.length}, aliases: ${aliases}; O*NET titles: ${stats.titles}, assigned: ${stats.assigned}, ` +
      `already known: ${stats.duplicates}, left out: ${stats.leftOut.length}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
