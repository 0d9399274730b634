import path from 'node:path';
import { z } from 'zod';

const byteSize = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(b|kb|k|mb|m|gb|g)?$/i, 'expected a size such as 1048576, 512kb, 10mb or 1gb')
  .transform((value) => {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim())!;
    const unit = (match[2] ?? '').toLowerCase();
    const factor = unit.startsWith('g')
      ? 1024 ** 3
      : unit.startsWith('m')
        ? 1024 ** 2
        : unit.startsWith('k')
          ? 1024
          : 1;
    return Math.round(Number(match[1]) * factor);
  });

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}, 'expected a postgres:// or postgresql:// URL');

/** Every environment variable Jobmatch reads, in one place. */
export const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  JOBMATCH_DATA_DIR: z.string().min(1).default('./data'),
  JOBMATCH_BODY_LIMIT: byteSize.default(1024 * 1024),
  JOBMATCH_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JOBMATCH_IMPORT_MAX_BYTES: byteSize.default(1024 ** 3),
  JOBMATCH_INLINE_WORKERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  JOBMATCH_WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  JOBMATCH_IMPORT_STALE_SECONDS: z.coerce.number().int().min(10).default(600),
  JOBMATCH_AUTH_FAILURES_PER_WINDOW: z.coerce.number().int().min(1).max(100_000).default(20),
  JOBMATCH_AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  http: { port: number; host: string; bodyLimit: number };
  imports: { maxBytes: number; staleAfterSeconds: number };
  workers: { inline: boolean; pollingIntervalSeconds: number };
  log: { level: Environment['LOG_LEVEL'] };
  database: { engine: 'pglite'; dataDir: string } | { engine: 'pg'; url: string; poolSize: number };
  dataDir: string;
  /** Failed API-key attempts allowed per client address within the window, before it is blocked. */
  auth: { failureLimit: number; failureWindowMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; lists every bad variable when it is invalid. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = environmentSchema.safeParse(defined);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const e = result.data;
  const dataDir = path.resolve(e.JOBMATCH_DATA_DIR);
  return {
    http: { port: e.PORT, host: e.HOST, bodyLimit: e.JOBMATCH_BODY_LIMIT },
    imports: { maxBytes: e.JOBMATCH_IMPORT_MAX_BYTES, staleAfterSeconds: e.JOBMATCH_IMPORT_STALE_SECONDS },
    workers: { inline: e.JOBMATCH_INLINE_WORKERS, pollingIntervalSeconds: e.JOBMATCH_WORKER_POLL_SECONDS },
    log: { level: e.LOG_LEVEL },
    database: e.DATABASE_URL
      ? { engine: 'pg', url: e.DATABASE_URL, poolSize: e.JOBMATCH_DB_POOL_SIZE }
      : { engine: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    auth: {
      failureLimit: e.JOBMATCH_AUTH_FAILURES_PER_WINDOW,
      failureWindowMs: e.JOBMATCH_AUTH_FAILURE_WINDOW_SECONDS * 1000,
    },
  };
}

let loaded: Config | undefined;

/** The process configuration, parsed from `process.env` on first use. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
