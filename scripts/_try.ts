import { readFileSync } from 'node:fs';
import { cleanRoleText } from '../src/domain/roles/clean-role-text.js';
const seed = JSON.parse(readFileSync('assets/role-seed.json', 'utf8')).roles as { name: string; aliases: string[] }[];
const owner = new Map<string, string>();
for (const r of seed) for (const t of [r.name, ...r.aliases]) { const c = cleanRoleText(t).cleaned; if (owner.has(c)) console.log(JSON.stringify(t), 'of', r.name, 'dup of', owner.get(c)); else owner.set(c, `${t} (${r.name})`); }
