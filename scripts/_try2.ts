import { buildRoleEvalSet } from './eval-roles.js';
import { buildRoleCatalog, decideTitle } from '../src/domain/roles/decide-role.js';
const set = buildRoleEvalSet();
const catalog = buildRoleCatalog(set.roles.map((r) => ({ ...r, canonical: true, category: null })));
const src = process.argv[2] ?? 'noisy';
let n = 0;
for (const c of set.cases.filter((x) => x.source === src)) {
  const d = decideTitle(catalog, c.text);
  const got = d.kind === 'match' ? d.roleId : null;
  if (got !== c.expectedRoleId && n++ < 40)
    console.log(`${d.kind.padEnd(8)} ${JSON.stringify(c.text)} → ${got === null ? '-' : set.roles[got]!.name} (want ${set.roles[c.expectedRoleId]!.name})${d.kind !== 'refuse' && 'parsed' in d ? ' parsed=' + d.parsed.tokens.join(' ') : ''}`);
}
