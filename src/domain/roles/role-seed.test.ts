import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURATED_ROLES, ROLE_CATEGORIES } from '../../../scripts/role-seed-curated.js';
import { aliasDisagreement, synonymDisagreement } from './alias-fit.js';
import { cleanRoleText } from './clean-role-text.js';
import { buildRoleIndex, matchByText } from './normalize-role.js';

interface SeedRole {
  name: string;
  aliases: string[];
  category: string;
  onetCodes: string[];
}

const seed = JSON.parse(readFileSync(path.resolve(process.cwd(), 'assets/role-seed.json'), 'utf8')) as {
  source: string;
  roles: SeedRole[];
};

describe('assets/role-seed.json', () => {
  it('credits O*NET', () => {
    expect(seed.source).toContain('O*NET 27.0 Database');
    expect(seed.source).toContain('CC BY 4.0');
  });

  it('has unique role names, also after cleaning', () => {
    const cleaned = seed.roles.map((role) => cleanRoleText(role.name).cleaned);
    expect(new Set(seed.roles.map((role) => role.name)).size).toBe(seed.roles.length);
    expect(new Set(cleaned).size).toBe(seed.roles.length);
  });

  it('gives no cleaned alias to two roles, nor repeats one within a role', () => {
    const owner = new Map<string, string>();
    for (const role of seed.roles) {
      for (const text of [role.name, ...role.aliases]) {
        const cleaned = cleanRoleText(text).cleaned;
        expect(cleaned.length).toBeGreaterThan(0);
        expect(owner.get(cleaned), `${text} of ${role.name}`).toBeUndefined();
        owner.set(cleaned, role.name);
      }
    }
  });

  it('has only aliases whose parsed parts are the role parts (or reviewed synonyms that name a role cleanly)', () => {
    const synonyms = new Map(CURATED_ROLES.map((role) => [role.name, new Set(role.synonyms)]));
    for (const role of seed.roles) {
      for (const alias of role.aliases) {
        const why = synonyms.get(role.name)?.has(alias)
          ? synonymDisagreement(alias, role.name)
          : aliasDisagreement(alias, role.name);
        expect(why, `${alias} of ${role.name}`).toBeNull();
      }
    }
  });

  it('contains every curated role with a known category', () => {
    const names = new Set(seed.roles.map((role) => role.name));
    for (const curated of CURATED_ROLES) expect(names.has(curated.name), curated.name).toBe(true);
    for (const role of seed.roles) expect(ROLE_CATEGORIES).toContain(role.category);
  });

  it('matches every name and alias back to its own role', () => {
    const index = buildRoleIndex(
      seed.roles.map((role, id) => ({ id, name: role.name, aliases: role.aliases })),
    );
    seed.roles.forEach((role, id) => {
      for (const text of [role.name, ...role.aliases])
        expect(matchByText(index, text), text).toMatchObject({ roleId: id });
    });
  });
});
