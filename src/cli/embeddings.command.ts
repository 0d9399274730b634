import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { createEmbeddingProvider } from '../embeddings/create-embedding-provider.js';
import {
  EMBEDDED_TABLES,
  type EmbeddedTable,
  embeddingStatus,
  embedMissing,
} from '../embeddings/embed-rows.js';
import { AppError } from '../errors.js';
import type { CliIo } from './cli-io.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

function parseTable(value: string): EmbeddedTable {
  if (!(EMBEDDED_TABLES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${EMBEDDED_TABLES.join(', ')}`);
  }
  return value as EmbeddedTable;
}

function parseBatchSize(value: string): number {
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > 2000) throw new InvalidArgumentError('expected 1..2000');
  return size;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Adds `jobmatch embeddings reembed|status`. */
export function registerEmbeddingCommands(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
  now: () => number = Date.now,
): void {
  const embeddings = program.command('embeddings').description('stored vectors and the configured model');

  embeddings
    .command('reembed')
    .description(
      'embed every row without a vector of the configured model, in batches; interrupted, it resumes where it stopped',
    )
    .option('--table <table>', `only this table (${EMBEDDED_TABLES.join(', ')})`, parseTable)
    .option('--batch-size <n>', 'rows per provider call', parseBatchSize)
    .action(async (options: { table?: EmbeddedTable; batchSize?: number }) => {
      const config = getConfig();
      const provider = await createEmbeddingProvider(config.embeddings);
      const tables = options.table ? [options.table] : [...EMBEDDED_TABLES].reverse();
      await withDatabase(config, async (database) => {
        for (const table of tables) {
          const started = now();
          let lastPrinted = 0;
          const result = await embedMissing(database, provider, {
            table,
            ...(options.batchSize ? { batchSize: options.batchSize } : {}),
            onBatch: ({ embedded, remaining }) => {
              const at = now();
              if (at - lastPrinted < 1000 && remaining > 0) return;
              lastPrinted = at;
              const rate = embedded / Math.max((at - started) / 1000, 0.001);
              io.err(
                `${table}: ${count(embedded)} embedded, ${count(remaining)} to go (${count(Math.round(rate))} rows/s)`,
              );
            },
          });
          const seconds = ((now() - started) / 1000).toFixed(1);
          io.out(
            `${table}: ${count(result.embedded)} embedded with ${provider.modelId} in ${seconds}s; ` +
              `${count(result.remaining)} remaining`,
          );
          if (result.error) {
            throw new AppError(
              'unavailable',
              `${table}: stopped, the embedding provider failed (${result.error}). Run the command again to resume.`,
            );
          }
        }
      });
    });

  embeddings
    .command('status')
    .description('vectors per table and model, and rows still missing one')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = getConfig();
      const provider = await createEmbeddingProvider(config.embeddings);
      const statuses = await withDatabase(config, (database) => embeddingStatus(database, provider.modelId));
      if (options.json) {
        io.out(JSON.stringify({ model: provider.modelId, tables: statuses }));
        return;
      }
      io.out(`configured model: ${provider.modelId}`);
      for (const status of statuses) {
        const models = Object.entries(status.byModel)
          .map(([model, n]) => `${model}: ${count(n)}`)
          .join(', ');
        io.out(
          `  ${status.table}: ${count(status.current)} of ${count(status.eligible)} on the configured model, ` +
            `${count(status.missing)} missing${models ? ` (${models})` : ''}`,
        );
      }
    });
}
