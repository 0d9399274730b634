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
