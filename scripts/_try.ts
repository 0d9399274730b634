import { readFileSync } from 'node:fs';
import * as demo from '../src/demo/demo-data.js';
import { buildRoleCatalog, decideTitle } from '../src/domain/roles/decide-role.js';
const seed = JSON.parse(readFileSync('assets/role-seed.json', 'utf8')).roles as { name: string; aliases: string[] }[];
const catalog = buildRoleCatalog(seed.map((r, id) => ({ id, name: r.name, aliases: r.aliases, canonical: true, category: null })));
const src = readFileSync('src/demo/demo-data.ts', 'utf8');
const typed = [...src.matchAll(/typed: \[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!));
const roles = [...src.matchAll(/role: '([^']*)'/g)].map((m) => m[1]!);
for (const t of [...typed]) {
  const d = decideTitle(catalog, t);
  console.log(t.padEnd(35), d.kind, d.kind === 'match' ? seed[d.roleId]!.name + ' ' + d.confidence : d.kind === 'create' ? d.name : d.kind === 'nearest' ? d.create.name : d.reason);
}
void demo; void roles;
