import { createPlatformAdmin } from '../accounts/users.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { userRepository } from '../db/repositories/user.repository.js';
import { type DemoSummary, loadDemo } from '../demo/load-demo.js';
import type { SkillMatcher } from '../domain/skills.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { seedRolesIfNone } from '../roles/seed-roles.js';

export interface SetupDependencies {
  database: Database;
  embeddings: EmbeddingProvider;
  skills: () => SkillMatcher;
  config: Pick<Config, 'matching' | 'embeddings'>;
  today: Date;
}

export interface SetupInput {
  /** The first platform admin; the password is asked for only when the account does not exist yet. */
  admin?: { email: string; name?: string | undefined; password: () => Promise<string> };
  demo?: boolean;
}

export interface SetupReport {
  rolesSeeded: number | null;
  admin: { email: string; created: boolean; id: number } | null;
  demo: (DemoSummary & { alreadyLoaded: boolean }) | null;
}

/**
 * First run of a deployment, on either engine, safe to repeat: the role taxonomy on an empty database, the
 * first platform admin (an existing one with that e-mail is left as it is), and optionally the demo agency.
 */
export async function setUp(deps: SetupDependencies, input: SetupInput): Promise<SetupReport> {
  const seeded = await seedRolesIfNone(deps.database, deps.embeddings);
  let admin: SetupReport['admin'] = null;
  if (input.admin) {
    const email = input.admin.email.trim().toLowerCase();
    const existing = (await userRepository(deps.database).findAllByEmail(email)).find(
      (user) => user.role === 'PM_ADMIN',
    );
    admin = existing
      ? { email, created: false, id: existing.id }
      : {
          email,
          created: true,
          id: (
            await createPlatformAdmin(deps.database, {
              email,
              password: await input.admin.password(),
              name: input.admin.name,
            })
          ).id,
        };
  }
  let demo: SetupReport['demo'] = null;
  if (input.demo) {
    const summary = await loadDemo({
      database: deps.database,
      embeddings: deps.embeddings,
      skills: deps.skills(),
      retention: { floor: deps.config.matching.floor, bestN: deps.config.matching.bestN },
      vectorTopK: deps.config.matching.vectorTopK,
      roleThreshold: deps.config.embeddings.roleMatchThreshold,
      today: deps.today.toISOString().slice(0, 10),
    });
    demo = { ...summary, alreadyLoaded: !summary.loaded };
  }
  return { rolesSeeded: seeded?.inserted ?? null, admin, demo };
}
