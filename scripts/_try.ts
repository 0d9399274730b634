import { parseRoleTitle, occupationOf } from '../src/domain/roles/parse-title.js';
import { readFileSync } from 'node:fs';
const file = JSON.parse(readFileSync('/work/h-roles/eval/role-titles.json','utf8'));
const src = process.argv[2] ?? 'ats';
for (const t of file.titles.filter((x:any)=>x.source===src)) {
  const p = parseRoleTitle(t.title);
  const o = p.tokens.length ? p : occupationOf(t.title);
  console.log(`${t.cluster.padEnd(28)} | ${(o?.name ?? '∅').padEnd(34)} | ${o?.domain ?? ''} | ${t.title}`);
}
