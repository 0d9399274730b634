import { buildRoleCatalog, type CatalogRole, decideTitle, WORDED_LINK_CONFIDENCE } from './decide-role.js';

export interface RoleMergeProposal {
  sourceId: number;
  sourceName: string;
  targetId: number;
  targetName: string;
  confidence: number;
}

/**
 * Roles created on the fly (or, on deployments older than the `canonical` flag, roles outside the seed) whose
 * own name, parsed like any title, now reaches a canonical role by its words: each is proposed for merging
 * into that role. Proposals only; an admin applies them (`jobmatch roles renormalize --apply`).
 */
export function proposeRoleMerges(
  roles: readonly CatalogRole[],
  seedNames: ReadonlySet<string>,
): RoleMergeProposal[] {
  const isCandidate = (role: CatalogRole) => !role.canonical || !seedNames.has(role.name.toLowerCase());
  const targets = roles.filter((role) => !isCandidate(role));
  const catalog = buildRoleCatalog(targets);
  const nameOf = new Map(targets.map((role) => [role.id, role.name]));
  const proposals: RoleMergeProposal[] = [];
  for (const role of roles.filter(isCandidate)) {
    const decision = decideTitle(catalog, role.name);
    if (decision.kind !== 'match' || decision.confidence < WORDED_LINK_CONFIDENCE) continue;
    if (decision.roleId === role.id) continue;
    proposals.push({
      sourceId: role.id,
      sourceName: role.name,
      targetId: decision.roleId,
      targetName: nameOf.get(decision.roleId)!,
      confidence: decision.confidence,
    });
  }
  return proposals;
}

export interface StoredRoleLink {
  linkId: number;
  candidateId: number;
  roleId: number;
  /** What the recruiter typed; links without it cannot be re-decided. */
  inputText: string | null;
  method: string | null;
}

export interface RelinkProposal {
  linkId: number;
  candidateId: number;
  inputText: string;
  fromId: number;
  toId: number;
  toName: string;
  method: 'exact' | 'alias' | 'fuzzy';
  confidence: number;
}

/**
 * Stored candidate-role links whose text the current decider links, by the title's own words, to another
 * canonical role of `roles` (links never move into roles created on the fly). Links a recruiter corrected by
 * hand ('manual') stay. Guesses (bare role nouns, nearest by
 * vector) are not proposed: only a worded decision outranks what was stored.
 */
export function proposeRelinks(
  links: readonly StoredRoleLink[],
  roles: readonly CatalogRole[],
): RelinkProposal[] {
  const catalog = buildRoleCatalog(roles);
  const nameOf = new Map(roles.map((role) => [role.id, role.name]));
  const proposals: RelinkProposal[] = [];
  for (const link of links) {
    if (link.inputText === null || link.method === 'manual' || link.inputText.trim() === '') continue;
    const decision = decideTitle(catalog, link.inputText);
    if (decision.kind !== 'match' || decision.confidence < WORDED_LINK_CONFIDENCE) continue;
    if (decision.roleId === link.roleId || !catalog.canonicalIds.has(decision.roleId)) continue;
    proposals.push({
      linkId: link.linkId,
      candidateId: link.candidateId,
      inputText: link.inputText,
      fromId: link.roleId,
      toId: decision.roleId,
      toName: nameOf.get(decision.roleId)!,
      method: decision.method,
      confidence: decision.confidence,
    });
  }
  return proposals;
}
