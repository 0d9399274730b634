import readline from 'node:readline';
import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { RolePriority } from '../db/schema.js';
import { ROLE_PRIORITIES } from '../db/schema.js';
import { createEmbeddingProvider } from '../embeddings/create-embedding-provider.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { AppError, isAppError } from '../errors.js';
import { listRoles, type RoleSummary } from '../roles/list-roles.js';
import { mergeRoles } from '../roles/merge-roles.js';
import { normalizeRole } from '../roles/normalize-role.js';
import { renameRole } from '../roles/rename-role.js';
import { renormalizeRoles } from '../roles/renormalize-roles.js';
import { addRoleAlias, removeRoleAlias } from '../roles/role-aliases.js';
import { recountRoleCandidates } from '../roles/role-candidate-counts.js';
import { approveRole, closeRoleLinkReview, listOpenRoleLinkReviews } from '../roles/role-link-reviews.js';
import { loadRoleSeed, seedRoles } from '../roles/seed-roles.js';
import { updateRoleSettings } from '../roles/update-role-settings.js';
import type { CliIo } from './cli-io.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

function parseId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw new InvalidArgumentError('expected a positive integer role id');
  }
  return id;
}

function parsePriority(value: string): RolePriority {
  if (!(ROLE_PRIORITIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${ROLE_PRIORITIES.join(', ')}`);
  }
  return value as RolePriority;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > 10_000)
    throw new InvalidArgumentError('expected 1..10000');
  return limit;
}

const roleLine = (role: RoleSummary) =>
  `${String(role.id).padStart(5)}  ${role.name}  [${role.candidate_count} candidates, ${role.queue_status}, ` +
  `${role.priority}${role.category ? `, ${role.category}` : ''}]`;

/**
 * Adds `jobmatch roles seed|normalize|list|check|merge|rename|alias add|alias remove|reviews|review|approve|priority`.
 * Every command uses the configured embedding provider, so stored vectors stay on one model.
 */
export function registerRoleCommands(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
  stdin: NodeJS.ReadableStream = process.stdin,
): void {
  const withRoles = <T>(
    fn: (database: Database, provider: EmbeddingProvider, config: Config) => Promise<T>,
  ) => {
    const config = getConfig();
    return withDatabase(config, async (database) =>
      fn(database, await createEmbeddingProvider(config.embeddings), config),
    );
  };
  const roles = program.command('roles').description('the global role taxonomy and role normalization');

  roles
    .command('seed')
    .description('load the starter taxonomy (assets/role-seed.json) and embed the roles; idempotent')
    .action(async () => {
      const result = await withRoles(async (database, provider) =>
        seedRoles(database, provider, await loadRoleSeed()),
      );
      io.out(
        `Seeded roles: ${result.inserted} added, ${result.existing} already present; ` +
          `${result.embeddings.embedded} embedded, ${result.embeddings.remaining} still without a vector.`,
      );
      if (result.embeddings.error)
        io.err(`Embedding failed (the background task retries): ${result.embeddings.error}`);
    });

  roles
    .command('normalize')
    .description('map role text to its canonical role and print JSON (links nothing)')
    .argument('[text]', 'the role text, e.g. "Sr Python Dev"')
    .option('--stdin', 'read one role text per line; print one JSON object per line')
    .option('--create', 'create a role when nothing matches')
    .action(async (text: string | undefined, options: { stdin?: boolean; create?: boolean }) => {
      if (!options.stdin && text === undefined) {
        throw new AppError('bad_request', 'Give the role TEXT, or --stdin.');
      }
      await withRoles(async (database, provider, config) => {
        const normalize = (input: string) =>
          normalizeRole(database, provider, input, {
            create: options.create === true,
            threshold: config.embeddings.roleMatchThreshold,
          });
        if (!options.stdin) {
          io.out(JSON.stringify({ text, ...(await normalize(text!)) }));
          return;
        }
        for await (const line of readline.createInterface({
          input: stdin,
          crlfDelay: Number.POSITIVE_INFINITY,
        })) {
          if (line.trim() === '') continue;
          try {
            io.out(JSON.stringify({ text: line, ...(await normalize(line)) }));
          } catch (error) {
            if (!isAppError(error)) throw error;
            io.out(JSON.stringify({ text: line, error: error.message }));
          }
        }
      });
    });

  roles
    .command('list')
    .description('list roles with candidate counts and queue status')
    .option('--search <text>', 'only roles whose name or an alias contains the text')
    .option('--limit <n>', 'at most this many roles', parseLimit, 200)
    .option('--json', 'print JSON')
    .action(async (options: { search?: string; limit: number; json?: boolean }) => {
      const config = getConfig();
      const page = await withDatabase(config, (database) =>
        listRoles(database, {
          ...(options.search ? { q: options.search } : {}),
          limit: options.limit,
          offset: 0,
        }),
      );
      if (options.json) {
        io.out(JSON.stringify(page));
        return;
      }
      for (const role of page.items) io.out(roleLine(role));
      io.out(`${page.items.length} of ${page.total} roles`);
    });

  roles
    .command('check')
    .description('recompute every candidate count from the links and report drift (fixed unless --dry-run)')
    .option('--dry-run', 'report only')
    .option('--json', 'print JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const drift = await withDatabase(getConfig(), (database) =>
        recountRoleCandidates(database, { fix: !options.dryRun }),
      );
      if (options.json) {
        io.out(JSON.stringify({ drift, fixed: !options.dryRun }));
        return;
      }
      if (drift.length === 0) {
        io.out('Candidate counts are exact.');
        return;
      }
      for (const role of drift)
        io.out(`  ${role.name} (#${role.id}): stored ${role.stored}, actual ${role.actual}`);
      io.out(`${drift.length} role(s) drifted${options.dryRun ? '' : '; fixed'}.`);
    });

  roles
    .command('merge')
    .description(
      'merge SOURCE into TARGET: links, aliases, job mappings and scrape history move; SOURCE is deleted',
    )
    .argument('<source>', 'the role id to merge away', parseId)
    .argument('<target>', 'the role id to keep', parseId)
    .action(async (source: number, target: number) => {
      const { role, moved } = await withRoles((database, provider) =>
        mergeRoles(database, provider, source, target),
      );
      io.out(
        `Merged role ${source} into ${roleLine(role).trim()}; moved ${moved.candidateLinks} candidate link(s), ` +
          `${moved.jobMappings} job mapping(s), ${moved.scrapeSessions} scrape session(s).`,
      );
    });

  roles
    .command('rename')
    .description('rename a role (the old name stays an alias)')
    .argument('<id>', 'the role id', parseId)
    .argument('<name>', 'the new name')
    .action(async (id: number, name: string) => {
      const role = await withRoles((database, provider) => renameRole(database, provider, id, name));
      io.out(`Renamed: ${roleLine(role).trim()}`);
    });

  const alias = roles.command('alias').description("edit a role's aliases");
  alias
    .command('add')
    .argument('<id>', 'the role id', parseId)
    .argument('<alias>', 'the alias text')
    .action(async (id: number, text: string) => {
      const role = await withRoles((database, provider) => addRoleAlias(database, provider, id, text));
      io.out(`${role.name}: ${role.aliases.join(', ')}`);
    });
  alias
    .command('remove')
    .argument('<id>', 'the role id', parseId)
    .argument('<alias>', 'the alias text')
    .action(async (id: number, text: string) => {
      const role = await withRoles((database, provider) => removeRoleAlias(database, provider, id, text));
      io.out(`${role.name}: ${role.aliases.join(', ') || '(no aliases)'}`);
    });

  roles
    .command('renormalize')
    .description(
      're-decide stored candidate links from their text, and propose merging roles created on the fly into the canonical role their name parses to',
    )
    .option('--apply', 'move every re-decided link and merge every proposal (candidate counts stay exact)')
    .option('--json', 'print JSON')
    .action(async (options: { apply?: boolean; json?: boolean }) => {
      const result = await withRoles((database, provider) =>
        renormalizeRoles(database, provider, { apply: options.apply === true }),
      );
      if (options.json) {
        io.out(JSON.stringify(result));
        return;
      }
      for (const r of result.relinks) {
        io.out(
          `  link #${r.linkId} "${r.inputText}": role #${r.fromId} → ${r.toName} (#${r.toId}), confidence ${r.confidence.toFixed(2)}`,
        );
      }
      for (const p of result.proposals) {
        io.out(
          `  "${p.sourceName}" (#${p.sourceId}) → ${p.targetName} (#${p.targetId}), confidence ${p.confidence.toFixed(2)}`,
        );
      }
      io.out(
        `${result.relinks.length} link(s) re-decided, ${result.proposals.length} merge proposal(s)` +
          (options.apply
            ? `; ${result.relinked} moved, ${result.merged} merged.`
            : '; run with --apply to move and merge them.'),
      );
    });

  roles
    .command('reviews')
    .description('list low-confidence role links filed for review, lowest confidence first')
    .option('--limit <n>', 'at most this many', parseLimit, 100)
    .option('--json', 'print JSON')
    .action(async (options: { limit: number; json?: boolean }) => {
      const reviews = await withDatabase(getConfig(), (database) =>
        listOpenRoleLinkReviews(database.sql, options.limit),
      );
      if (options.json) {
        io.out(JSON.stringify({ items: reviews }));
        return;
      }
      for (const r of reviews) {
        io.out(
          `${String(r.id).padStart(5)}  "${r.role_text}" → ${r.role_name} (#${r.global_role_id}), ` +
            `confidence ${r.confidence.toFixed(2)}, ${r.reason}`,
        );
      }
      io.out(`${reviews.length} open review(s)`);
    });

  roles
    .command('review')
    .description('close a review: confirm (the role is approved) or reject')
    .argument('<id>', 'the review id', parseId)
    .argument('<verdict>', 'confirm | reject', (value: string) => {
      if (value !== 'confirm' && value !== 'reject')
        throw new InvalidArgumentError('expected confirm or reject');
      return value;
    })
    .action(async (id: number, verdict: 'confirm' | 'reject') => {
      const review = await withDatabase(getConfig(), (database) =>
        closeRoleLinkReview(database.sql, id, verdict === 'confirm' ? 'confirmed' : 'rejected'),
      );
      io.out(`Review ${review.id} ${review.status}: "${review.role_text}" → ${review.role_name}`);
    });

  roles
    .command('approve')
    .description('approve a role created on the fly: normalization then prefers it like a seeded role')
    .argument('<id>', 'the role id', parseId)
    .action(async (id: number) => {
      const role = await withDatabase(getConfig(), (database) => approveRole(database.sql, id));
      io.out(`Approved: ${role.name} (#${role.id})`);
    });

  roles
    .command('priority')
    .description(`set a role's scrape priority (${ROLE_PRIORITIES.join(', ')})`)
    .argument('<id>', 'the role id', parseId)
    .argument('<priority>', ROLE_PRIORITIES.join(' | '), parsePriority)
    .action(async (id: number, priority: RolePriority) => {
      const role = await withDatabase(getConfig(), (database) =>
        updateRoleSettings(database.sql, id, { priority }),
      );
      io.out(roleLine(role).trim());
    });
}
