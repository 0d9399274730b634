import { readFileSync } from 'node:fs';
import { buildRoleCatalog, decideTitle } from '../src/domain/roles/decide-role.js';
const seed = JSON.parse(readFileSync('assets/role-seed.json', 'utf8')).roles as { name: string; aliases: string[] }[];
const catalog = buildRoleCatalog(seed.map((r, id) => ({ id, name: r.name, aliases: r.aliases, canonical: true, category: null })));
for (const t of process.argv.slice(2)) {
  const d = decideTitle(catalog, t);
  console.log(`${t.padEnd(45)} ${d.kind.padEnd(8)} ${d.kind === 'match' ? seed[d.roleId]!.name + ' ' + d.confidence : d.kind === 'create' ? d.name + ' [' + d.domain + ']' : d.kind === 'nearest' ? d.create.name : d.reason}`);
}
