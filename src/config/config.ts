import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ROLE_MATCH_THRESHOLD } from '../domain/roles/role-match-threshold.js';

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
  JOBMATCH_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/,
      'true, false, a hop count, or proxy addresses',
    )
    .default('false'),
  JOBMATCH_DB_TENANT_ROLE: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,62}|none)$/, 'a database role name, or none')
    .default('jobmatch_app'),
  JOBMATCH_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JOBMATCH_IMPORT_MAX_BYTES: byteSize.default(1024 ** 3),
  JOBMATCH_SCRAPE_LEASE_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(30),
  JOBMATCH_RESCRAPE_AFTER_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 365)
    .default(24),
  JOBMATCH_SCRAPER_BODY_LIMIT: byteSize.default(32 * 1024 * 1024),
  JOBMATCH_SCRAPER_KEY: z.string().min(1).optional(),
  JOBMATCH_DEMO: z.enum(['auto', 'true', 'false', '1', '0']).default('auto'),
  JOBMATCH_API_URL: z.url().optional(),
  JOBMATCH_INLINE_WORKERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  JOBMATCH_WORKER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  JOBMATCH_IMPORT_STALE_SECONDS: z.coerce.number().int().min(10).default(600),
  JOBMATCH_AUTH_FAILURES_PER_WINDOW: z.coerce.number().int().min(1).max(100_000).default(20),
  JOBMATCH_AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  JOBMATCH_SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 90)
    .default(12),
  JOBMATCH_LOGIN_FAILURES_PER_WINDOW: z.coerce.number().int().min(1).max(1000).default(5),
  JOBMATCH_SCRAPE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  JOBMATCH_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  JOBMATCH_MATCH_FLOOR: z.coerce.number().min(0).max(100).default(40),
  JOBMATCH_MATCH_BEST_N: z.coerce.number().int().min(0).max(1000).default(50),
  JOBMATCH_MATCH_VECTOR_K: z.coerce.number().int().min(0).max(1000).default(100),
  JOBMATCH_EMBEDDING_PROVIDER: z.enum(['local', 'gemini']).optional(),
  GEMINI_API_KEY: z.string().min(1).optional(),
  GOOGLE_API_KEY: z.string().min(1).optional(),
  JOBMATCH_GEMINI_MODEL: z.string().min(1).optional(),
  JOBMATCH_GEMINI_BASE_URL: z.url().optional(),
  JOBMATCH_ROLE_MATCH_THRESHOLD: z.coerce.number().min(0).max(1).default(DEFAULT_ROLE_MATCH_THRESHOLD),
  JOBMATCH_WEBHOOK_ALLOW_NETWORKS: z
    .string()
    .regex(
      /^\s*((loopback|private|link-local)\s*(,\s*|$))*$/,
      'a comma list of loopback, private, link-local',
    )
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part): part is 'loopback' | 'private' | 'link-local' => part !== ''),
    )
    .default([]),
  JOBMATCH_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(10),
  JOBMATCH_WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  JOBMATCH_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  JOBMATCH_SMTP_URL: z
    .url()
    .refine((value) => /^smtps?:$/.test(new URL(value).protocol), 'expected an smtp:// or smtps:// URL')
    .optional(),
  JOBMATCH_MAIL_FROM: z.string().min(3).max(200).default('Jobmatch <jobmatch@localhost>'),
  JOBMATCH_PUBLIC_URL: z.url().optional(),
  JOBMATCH_DIGEST_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'a five-field cron expression (UTC)')
    .default('0 7 * * *'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  /** `trustProxy`: whether (or which) proxies' X-Forwarded-For/-Proto are believed; Fastify's option as is. */
  http: { port: number; host: string; bodyLimit: number; trustProxy: boolean | number | string[] };
  imports: { maxBytes: number; staleAfterSeconds: number };
  workers: { inline: boolean; pollingIntervalSeconds: number };
  log: { level: Environment['LOG_LEVEL'] };
  /** tenantRole: the role tenant transactions switch to for row-level security (null: keep the login role). */
  database:
    | { engine: 'pglite'; dataDir: string; tenantRole: string | null }
    | { engine: 'pg'; url: string; poolSize: number; tenantRole: string | null };
  dataDir: string;
  /** Failed API-key attempts allowed per client address within the window, before it is blocked. */
  auth: { failureLimit: number; failureWindowMs: number };
  /** The scrape queue: how long a claimed role may stay unanswered, and when a scraped role is due again. */
  scraping: { leaseSeconds: number; rescrapeAfterSeconds: number; bodyLimit: number; maxAttempts: number };
  /** Demo data: `auto` loads it on the first start of an empty embedded database. */
  demo: 'auto' | 'always' | 'never';
  /** The reference scraper (`jobmatch scraper run`): where Jobmatch is and which key to use. */
  scraperClient: { baseUrl: string; apiKey: string | undefined };
  /** Sign-in sessions: sliding lifetime; failed logins allowed per address and email within `auth.failureWindowMs`. */
  sessions: { ttlHours: number; loginFailureLimit: number; addressFailureLimit: number };
  /** Embedding provider (gemini when a key is set, else local) and the calibrated role-match threshold. */
  embeddings: {
    provider: 'local' | 'gemini';
    geminiApiKey?: string;
    geminiModel?: string;
    geminiBaseUrl?: string;
    roleMatchThreshold: number;
  };
  /** Which scored pairs are stored (floor, each candidate's best N) and how many vector neighbours a rescore adds. */
  matching: { floor: number; bestN: number; vectorTopK: number };
  /** Outgoing webhooks: address kinds besides public that may be reached, deadline, backoff base, attempts. */
  webhooks: {
    allow: ('loopback' | 'private' | 'link-local')[];
    timeoutMs: number;
    retryDelaySeconds: number;
    maxAttempts: number;
  };
  /**
   * E-mail digests: the SMTP server (unset: no digest is sent), the sender, the app's public address for
   * links, and when the digest task runs (cron, UTC).
   */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string; digestCron: string };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
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
  const geminiApiKey = e.GEMINI_API_KEY ?? e.GOOGLE_API_KEY;
  const embeddingProvider = e.JOBMATCH_EMBEDDING_PROVIDER ?? (geminiApiKey ? 'gemini' : 'local');
  if (embeddingProvider === 'gemini' && !geminiApiKey) {
    throw new ConfigError(['JOBMATCH_EMBEDDING_PROVIDER: gemini needs GEMINI_API_KEY (or GOOGLE_API_KEY)']);
  }
  const dataDir = path.resolve(e.JOBMATCH_DATA_DIR);
  const tenantRole = e.JOBMATCH_DB_TENANT_ROLE === 'none' ? null : e.JOBMATCH_DB_TENANT_ROLE;
  const localUrl = `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`;
  return {
    http: {
      port: e.PORT,
      host: e.HOST,
      bodyLimit: e.JOBMATCH_BODY_LIMIT,
      trustProxy: parseTrustProxy(e.JOBMATCH_TRUST_PROXY),
    },
    imports: { maxBytes: e.JOBMATCH_IMPORT_MAX_BYTES, staleAfterSeconds: e.JOBMATCH_IMPORT_STALE_SECONDS },
    workers: { inline: e.JOBMATCH_INLINE_WORKERS, pollingIntervalSeconds: e.JOBMATCH_WORKER_POLL_SECONDS },
    log: { level: e.LOG_LEVEL },
    database: e.DATABASE_URL
      ? { engine: 'pg', url: e.DATABASE_URL, poolSize: e.JOBMATCH_DB_POOL_SIZE, tenantRole }
      : { engine: 'pglite', dataDir: path.join(dataDir, 'pglite'), tenantRole },
    dataDir,
    demo: e.JOBMATCH_DEMO === 'auto' ? 'auto' : ['true', '1'].includes(e.JOBMATCH_DEMO) ? 'always' : 'never',
    scraperClient: {
      baseUrl: e.JOBMATCH_API_URL ?? localUrl,
      apiKey: e.JOBMATCH_SCRAPER_KEY,
    },
    scraping: {
      leaseSeconds: Math.round(e.JOBMATCH_SCRAPE_LEASE_MINUTES * 60),
      rescrapeAfterSeconds: Math.round(e.JOBMATCH_RESCRAPE_AFTER_HOURS * 3600),
      bodyLimit: e.JOBMATCH_SCRAPER_BODY_LIMIT,
      maxAttempts: e.JOBMATCH_SCRAPE_MAX_ATTEMPTS,
    },
    auth: {
      failureLimit: e.JOBMATCH_AUTH_FAILURES_PER_WINDOW,
      failureWindowMs: e.JOBMATCH_AUTH_FAILURE_WINDOW_SECONDS * 1000,
    },
    sessions: {
      ttlHours: e.JOBMATCH_SESSION_TTL_HOURS,
      loginFailureLimit: e.JOBMATCH_LOGIN_FAILURES_PER_WINDOW,
      addressFailureLimit: e.JOBMATCH_LOGIN_FAILURES_PER_ADDRESS,
    },
    embeddings: {
      provider: embeddingProvider,
      ...(geminiApiKey ? { geminiApiKey } : {}),
      ...(e.JOBMATCH_GEMINI_MODEL ? { geminiModel: e.JOBMATCH_GEMINI_MODEL } : {}),
      ...(e.JOBMATCH_GEMINI_BASE_URL ? { geminiBaseUrl: e.JOBMATCH_GEMINI_BASE_URL } : {}),
      roleMatchThreshold: e.JOBMATCH_ROLE_MATCH_THRESHOLD,
    },
    matching: {
      floor: e.JOBMATCH_MATCH_FLOOR,
      bestN: e.JOBMATCH_MATCH_BEST_N,
      vectorTopK: e.JOBMATCH_MATCH_VECTOR_K,
    },
    mail: {
      smtpUrl: e.JOBMATCH_SMTP_URL,
      from: e.JOBMATCH_MAIL_FROM,
      publicUrl: (e.JOBMATCH_PUBLIC_URL ?? localUrl).replace(/\/+$/, ''),
      digestCron: e.JOBMATCH_DIGEST_CRON,
    },
    webhooks: {
      allow: e.JOBMATCH_WEBHOOK_ALLOW_NETWORKS,
      timeoutMs: Math.round(e.JOBMATCH_WEBHOOK_TIMEOUT_SECONDS * 1000),
      retryDelaySeconds: e.JOBMATCH_WEBHOOK_RETRY_SECONDS,
      maxAttempts: e.JOBMATCH_WEBHOOK_MAX_ATTEMPTS,
    },
  };
}

let loaded: Config | undefined;

/** The process configuration, parsed from `process.env` on first use. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
