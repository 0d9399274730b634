import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { ApiKeyScope } from '../db/schema.js';
import { apiKeyPrefix } from '../domain/api-key.js';
import { type ApiKeySummary, createApiKey, listApiKeys, revokeApiKey } from '../scraper/api-keys.js';
import {
  agencyAdminBySlug,
  createTenantApiKey,
  listTenantApiKeys,
  revokeTenantApiKey,
} from '../tenant-keys/tenant-api-keys.js';
import type { CliIo } from './cli-io.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

function parseKeyId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw new InvalidArgumentError('expected a positive integer key id');
  }
  return id;
}

function formatTime(time: Date | null): string {
  return time ? `${time.toISOString().slice(0, 16).replace('T', ' ')}Z` : '-';
}

function parseScope(value: string): ApiKeyScope {
  if (value !== 'read' && value !== 'write') throw new InvalidArgumentError('expected read or write');
  return value;
}

function keyTable(keys: ApiKeySummary[]): string[] {
  const scoped = keys.some((key) => key.scope !== null);
  const header = ['ID', 'NAME', ...(scoped ? ['SCOPE'] : []), 'STATUS', 'CREATED', 'LAST USED', 'REQUESTS'];
  const rows = keys.map((key) => [
    String(key.id),
    key.name,
    ...(scoped ? [key.scope ?? '-'] : []),
    key.is_active ? 'active' : 'revoked',
    formatTime(key.created_at),
    formatTime(key.last_used_at),
    String(key.total_requests),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => [...row[column]!].length)),
  );
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]! + cell.length - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Adds `jobmatch keys create|list|revoke`: scraper API keys, or with `--tenant SLUG` an agency's keys for the
 * recruiter API, on the configured database.
 * Its commands throw on usage errors instead of exiting the process, so `runCli` reports the exit code.
 */
export function registerKeyCommands(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
): void {
  const withConfiguredDatabase = <T>(fn: (database: Database) => Promise<T>) => withDatabase(getConfig(), fn);

  const keys = program
    .command('keys')
    .description("manage scraper API keys, or an agency's API keys for the recruiter API (--tenant)");
  const tenantOption = '--tenant <slug>';
  const tenantHelp = "an agency's keys for the recruiter API instead of scraper keys";

  keys
    .command('create')
    .description('create a scraper API key (or an agency key with --tenant); its secret is printed once')
    .argument('<name>', 'what the key is for, e.g. "linkedin scraper on host-3"')
    .option(tenantOption, tenantHelp)
    .option('--scope <scope>', 'with --tenant: read (GET only) or write', parseScope, 'read')
    .option('--user <email>', 'with --tenant: the agency admin the key acts for (default: the first)')
    .option('--json', 'print JSON: {id, name, key}')
    .action(
      async (
        name: string,
        options: { json?: boolean; tenant?: string; scope: ApiKeyScope; user?: string },
      ) => {
        const { key, secret } = await withConfiguredDatabase(async (database) => {
          if (options.tenant === undefined) return createApiKey(database, { name });
          const admin = await agencyAdminBySlug(database, options.tenant, options.user);
          return createTenantApiKey(database, admin, { name, scope: options.scope });
        });
        if (options.json) {
          io.out(JSON.stringify({ id: key.id, name: key.name, key: secret }));
          return;
        }
        io.out(`Created API key ${key.id} "${key.name}" (${apiKeyPrefix(secret)}...).`);
        io.out('');
        io.out(`  ${secret}`);
        io.out('');
        io.err('Store this key now: it will not be shown again (only its hash is kept).');
      },
    );

  keys
    .command('list')
    .description("list scraper API keys, or an agency's keys with --tenant (never their secrets)")
    .option(tenantOption, tenantHelp)
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean; tenant?: string }) => {
      const summaries = await withConfiguredDatabase(async (database) =>
        options.tenant === undefined
          ? listApiKeys(database)
          : listTenantApiKeys(database, (await agencyAdminBySlug(database, options.tenant)).tenantId),
      );
      if (options.json) {
        io.out(JSON.stringify(summaries));
        return;
      }
      if (summaries.length === 0) {
        io.out('No API keys yet. Create one with: jobmatch keys create NAME');
        return;
      }
      for (const line of keyTable(summaries)) io.out(line);
    });

  keys
    .command('revoke')
    .description(
      'revoke a scraper API key (an agency key with --tenant); requests using it are refused from now on',
    )
    .argument('<id>', 'the key id (see keys list)', parseKeyId)
    .option(tenantOption, tenantHelp)
    .action(async (id: number, options: { tenant?: string }) => {
      const { key, alreadyRevoked } = await withConfiguredDatabase(async (database) =>
        options.tenant === undefined
          ? revokeApiKey(database, id)
          : revokeTenantApiKey(database, (await agencyAdminBySlug(database, options.tenant)).tenantId, id),
      );
      io.out(
        alreadyRevoked
          ? `API key ${key.id} "${key.name}" was already revoked at ${formatTime(key.revoked_at)}.`
          : `Revoked API key ${key.id} "${key.name}".`,
      );
    });
}
