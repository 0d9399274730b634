/**
 * Whether a text means a role, judged on parsed parts (issue 12: aliases are clean): the text must name a
 * role (a function word, not a bare role noun such as "Engineer"), carry no posting noise, stay on the role's
 * side of IT, name every specialty the role names, and its function facets must not be disjoint from the
 * role's ("SAP Analyst" is no SAP Consultant). A text may be narrower than a specialised role ("Oracle DBA"
 * for Database Administrator), never name a specialty beside a generic one ("Quality Engineer" is no Software
 * Engineer). "Blockchain Threat Investigator" names no function the parser knows, so it is no
 * alias of Blockchain Engineer.
 */
import { type ParsedRoleTitle, parseRoleTitle } from './parse-title.js';
import { facetsOfTokens, GENERIC_ROLE_WORDS, type RoleFacets } from './technology-conflict.js';

/** Chief officers' acronyms (CTO, CIO, CISO): one word that names one office. */
const CHIEF_OFFICER = /^c[a-z]{0,2}o$/;

export interface RoleParts {
  parsed: ParsedRoleTitle;
  facets: RoleFacets;
}

export function rolePartsOf(text: string): RoleParts {
  const parsed = parseRoleTitle(text);
  return { parsed, facets: facetsOfTokens(parsed.tokens) };
}

export function isBareRoleNoun(parsed: ParsedRoleTitle): boolean {
  const meaningful = parsed.tokens.filter((t) => !GENERIC_ROLE_WORDS.has(t));
  return meaningful.length === 1 && meaningful[0] === parsed.function;
}

function functionsDisjoint(a: RoleFacets, b: RoleFacets): boolean {
  return a.functions.size > 0 && b.functions.size > 0 && ![...a.functions].some((f) => b.functions.has(f));
}

/** Why `text` is no clean role title (no role noun, a bare broad noun, noise, outside IT), or null. */
function unnamedRole(text: RoleParts, role: RoleParts, noiseAllowed = false): string | null {
  const { parsed, facets } = text;
  if (parsed.function === null || parsed.tokens.length === 0) return 'it names no role noun';
  // "Engineer" alone claims every title; "SDET" or "Tester" alone still names its specialty, "CTO" its office.
  if (
    parsed.tokens.length === 1 &&
    facets.specialities.size === 0 &&
    !CHIEF_OFFICER.test(parsed.tokens[0]!)
  ) {
    return `"${parsed.name}" alone names no role`;
  }
  if (parsed.noise.length > 0 && !noiseAllowed)
    return `it carries posting noise (${parsed.noise.join(', ')})`;
  if (parsed.domain === 'non-it' && role.parsed.domain !== 'non-it') return 'it is a title outside IT';
  return null;
}

/** Why `text`'s parsed parts disagree with `role`'s, or null when they agree. */
export function partsDisagreement(text: RoleParts, role: RoleParts): string | null {
  const unnamed = unnamedRole(text, role);
  if (unnamed !== null) return unnamed;
  const { facets } = text;
  const missing = [...role.facets.specialities].filter((s) => !facets.specialities.has(s));
  if (missing.length > 0) return `it lacks the role's specialty (${missing.join(', ')})`;
  // A specialised role takes narrower titles ("Oracle DBA"); a generic one no specialty at all.
  const extra = [...facets.specialities].filter((s) => !role.facets.specialities.has(s));
  if (extra.length > 0 && role.facets.specialities.size === 0) {
    return `it names a specialty the role does not (${extra.join(', ')})`;
  }
  if (functionsDisjoint(facets, role.facets)) return `its function differs from the role's`;
  return null;
}

/** Why `alias` cannot be an alias of the role named `roleName`, or null when it means the role. */
export function aliasDisagreement(alias: string, roleName: string): string | null {
  return partsDisagreement(rolePartsOf(alias), rolePartsOf(roleName));
}

/**
 * The texts that may join the role named `roleName` as aliases when another name gives way to it (a role's
 * old name on rename, a merged role's name and aliases): only those that mean the role by their parts.
 */
export function aliasesMeaning(texts: readonly string[], roleName: string): string[] {
  const role = rolePartsOf(roleName);
  return texts.filter((text) => partsDisagreement(rolePartsOf(text), role) === null);
}

/** Why a synonym reviewed by hand cannot be seeded for the role: only when it is no clean role title. */
export function synonymDisagreement(synonym: string, roleName: string): string | null {
  return unnamedRole(rolePartsOf(synonym), rolePartsOf(roleName));
}

/**
 * Whether a posting title has the parts of a role (or of one of its aliases): a clean role phrase (noise
 * aside), the same specialties exactly, and a function that is not another one. Stricter than an alias:
 * "Quality Engineer" and "Robotics Hardware Testing Engineer" are no Software Engineer postings.
 */
export function titleHasPartsOf(title: RoleParts, roleTexts: readonly RoleParts[]): boolean {
  return roleTexts.some(
    (role) =>
      unnamedRole(title, role, true) === null &&
      sameSpecialties(title.facets, role.facets) &&
      !functionsDisjoint(title.facets, role.facets),
  );
}

function sameSpecialties(a: RoleFacets, b: RoleFacets): boolean {
  return (
    a.specialities.size === b.specialities.size && [...a.specialities].every((s) => b.specialities.has(s))
  );
}
