import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { createFailedAuthLimiter } from '../accounts/failed-auth-limiter.js';
import type { RoleSync } from '../candidates/sync-candidate-roles.js';
import type { Database } from '../db/database.js';
import type { SkillMatcher } from '../domain/skills.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { createLocalEmbeddingProvider } from '../embeddings/local-provider.js';
import { AppError } from '../errors.js';
import { DEFAULT_RESUME_MAX_BYTES } from '../intake/intake-resumes.js';
import { DEFAULT_RETENTION, DEFAULT_VECTOR_TOP_K } from '../matching/store-matches.js';
import { roleSyncFor } from '../roles/set-candidate-roles.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import type { OutgoingPolicy } from '../webhooks/outgoing-request.js';
import type { JobQueue } from '../worker/job-queue.js';
import { csrfGuard, sessionAuth } from './auth/session-auth.js';
import { inputGuard } from './input-guard.js';
import { closeRouteInputs, documentOperation, securitySchemes } from './openapi.js';
import { problemSchema, sendProblem, toAppError } from './problem.js';
import { accountRoutes } from './routes/accounts.routes.js';
import { adminHealthRoutes } from './routes/admin-health.routes.js';
import { adminImportRoutes } from './routes/admin-imports.routes.js';
import { adminJobRoutes } from './routes/admin-jobs.routes.js';
import { adminMatchRoutes } from './routes/admin-matches.routes.js';
import { adminRoleRoutes } from './routes/admin-roles.routes.js';
import { adminScraperRoutes } from './routes/admin-scraper.routes.js';
import { applicationRoutes } from './routes/applications.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { candidateDuplicateRoutes } from './routes/candidate-duplicates.routes.js';
import { candidateOwnerRoutes } from './routes/candidate-owner.routes.js';
import { candidateRoleRoutes } from './routes/candidate-roles.routes.js';
import { candidateRoutes } from './routes/candidates.routes.js';
import { digestRoutes } from './routes/digest.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { homeRoutes } from './routes/home.routes.js';
import { inboxRoutes } from './routes/inbox.routes.js';
import { jobRoutes } from './routes/jobs.routes.js';
import { matchRoutes } from './routes/matches.routes.js';
import { countRequest, metricsRoutes } from './routes/metrics.routes.js';
import { placementRoutes } from './routes/placements.routes.js';
import { resumeIntakeRoutes } from './routes/resume-intake.routes.js';
import { roleReportRoutes } from './routes/role-reports.routes.js';
import { scraperRoutes } from './routes/scraper.routes.js';
import { tenantApiKeyRoutes } from './routes/tenant-api-keys.routes.js';
import { tenantSettingsRoutes } from './routes/tenant-settings.routes.js';
import { webhookRoutes } from './routes/webhooks.routes.js';
import { tenantKeyAuth } from './tenant-key-auth.js';
import { DEFAULT_WEB_ROOT, hasWebUi, registerWebUi } from './web-ui.js';

export interface AppDependencies {
  database: Database;
  logger: Logger;
  bodyLimit?: number;
  /** Behind a TLS-terminating proxy: believe its X-Forwarded-For/-Proto (client address, Secure cookies). */
  trustProxy?: boolean | number | string[];
  /** Largest accepted import upload. */
  importMaxBytes?: number;
  /** Largest resume file kept by resume intake (default 10 MB). */
  resumeMaxBytes?: number;
  skills?: () => SkillMatcher;
  /** The configured embedding provider; omitted, the local provider is loaded on first use. */
  embeddings?: EmbeddingProvider;
  /** Vector-stage threshold of role normalization; omitted, the calibrated default. */
  roleMatchThreshold?: number;
  /** Background tasks (re-embedding and rematching after candidate changes); omitted, nothing is enqueued. */
  queue?: Pick<JobQueue, 'send'>;
  /** Sign-in sessions: sliding lifetime; failed sign-ins allowed per address and email, and per address, per window. */
  sessions?: {
    ttlHours: number;
    loginFailureLimit: number;
    addressFailureLimit?: number;
    failureWindowMs: number;
  };
  /** The scraper API: failed-key limits, and the body limit for posted jobs. */
  scraping?: { failureLimit: number; failureWindowMs: number; bodyLimit: number; maxAttempts?: number };
  /** Outgoing webhooks: address kinds besides public that endpoints may use, and the request deadline. */
  webhooks?: OutgoingPolicy;
  /** The built web application served at `/` (default `dist/web`); false, or no build there, serves the API only. */
  webRoot?: string | false;
  /** Which matches are kept (JOBMATCH_MATCH_*), for the drift check; omitted, the defaults. */
  matching?: { floor: number; bestN: number; vectorTopK: number };
}

export type App = FastifyInstance;

/** A hop count trusts that many proxies in front of the server; addresses and booleans go as they are. */
function trustProxyOption(value: AppDependencies['trustProxy']) {
  if (typeof value !== 'number') return value ?? false;
  return (_address: string, hop: number) => hop < value;
}

/**
 * Security headers on every answer (HSTS, frame options, nosniff, referrer policy) and a CSP the web
 * application and the API docs pass: everything from this origin; inline styles only (the docs need them).
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Any route may answer a client error (bad input, no session, too large, too many attempts): each documented
 * route says so with a `4XX` problem response, besides the specific ones it lists.
 */
function documentClientErrors(route: RouteOptions): void {
  const schema = route.schema;
  if (!schema || schema.hide) return;
  const response = (schema.response ?? {}) as Record<string, unknown>;
  schema.response = { ...response, '4xx': response['4xx'] ?? problemSchema };
}

/** Builds the HTTP application; `server.ts` starts it, tests drive it with `app.inject`. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    trustProxy: trustProxyOption(deps.trustProxy),
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', documentClientErrors);
  app.addHook('onRoute', closeRouteInputs);
  app.addHook('preValidation', inputGuard);
  app.addHook('onResponse', countRequest);

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, detail: appError.message }, 'request rejected');
    return sendProblem(reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jobmatch API',
        version: '0.1.0',
        description:
          'Job matching for IT staffing agencies. Errors are RFC 9457 problem details (application/problem+json).',
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'imports', description: 'Job file imports (platform admins)' },
        { name: 'jobs', description: 'Job postings' },
        { name: 'roles', description: 'Global role taxonomy, role normalization and mapping reports' },
        { name: 'auth', description: 'Sign-in sessions (cookie + CSRF token)' },
        { name: 'accounts', description: 'Tenants and users' },
        { name: 'candidates', description: "An agency's candidates" },
        { name: 'applications', description: 'Job applications and the hiring pipeline' },
        { name: 'matches', description: 'Scored candidate-job matches' },
        { name: 'settings', description: "An agency's scoring settings" },
        { name: 'home', description: "The recruiter's home page" },
        { name: 'inbox', description: 'In-app notifications' },
        { name: 'webhooks', description: 'Signed webhook endpoints and their delivery log (agency admins)' },
        {
          name: 'api keys',
          description:
            'Agency API keys (agency admins): `Authorization: Bearer jm_tk_...` or `X-API-Key` on the recruiter ' +
            'API, read or write scope; never admin, account or scraper routes',
        },
        {
          name: 'scraper',
          description:
            'For external scrapers, authenticated with an API key (`Authorization: Bearer jm_sk_...` or `X-API-Key`): ' +
            'claim a role, scrape the job boards, post the jobs back (or fail the session). See `jobmatch scraper run` ' +
            'and src/scraper/client.ts for a reference client.',
        },
        {
          name: 'scraper admin',
          description: 'Scraper API keys, the scrape queue and scraper performance (platform admins)',
        },
      ],
      components: { securitySchemes },
    },
    transform: documentOperation,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifyHelmet, { contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } });
  // Authorize once (the CSRF token of the signed-in browser) and keep it across reloads of /docs.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true } });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.importMaxBytes ?? 1024 ** 3, files: 1, fields: 20 },
  });
  const sessions = deps.sessions ?? { ttlHours: 12, loginFailureLimit: 5, failureWindowMs: 300_000 };
  await app.register(fastifyCookie);
  app.addHook('onRequest', sessionAuth({ database: deps.database, ttlHours: sessions.ttlHours }));
  app.addHook('onRequest', csrfGuard);
  const scraping = deps.scraping ?? {
    failureLimit: 20,
    failureWindowMs: 300_000,
    bodyLimit: 32 * 1024 * 1024,
  };
  // One count of bad API keys per address, whichever kind of key was tried.
  const apiKeyLimiter = createFailedAuthLimiter({
    limit: scraping.failureLimit,
    windowMs: scraping.failureWindowMs,
  });
  app.addHook('onRequest', tenantKeyAuth({ database: deps.database, limiter: apiKeyLimiter }));
  await app.register(
    authRoutes({
      database: deps.database,
      ttlHours: sessions.ttlHours,
      limiter: createFailedAuthLimiter({
        limit: sessions.loginFailureLimit,
        windowMs: sessions.failureWindowMs,
      }),
      addressLimiter: createFailedAuthLimiter({
        limit: sessions.addressFailureLimit ?? 10 * sessions.loginFailureLimit,
        windowMs: sessions.failureWindowMs,
      }),
    }),
  );
  const tenantDeps = { database: deps.database, ...(deps.queue ? { queue: deps.queue } : {}) };
  await app.register(accountRoutes({ database: deps.database }));
  await app.register(applicationRoutes(tenantDeps));
  await app.register(placementRoutes(tenantDeps));
  await app.register(homeRoutes({ database: deps.database }));
  await app.register(inboxRoutes({ database: deps.database }));
  await app.register(
    webhookRoutes({
      database: deps.database,
      policy: deps.webhooks ?? { allow: [], timeoutMs: 10_000 },
      queue: deps.queue,
    }),
  );
  await app.register(matchRoutes(tenantDeps));
  await app.register(tenantSettingsRoutes({ database: deps.database }));
  await app.register(healthRoutes(deps.database));
  await app.register(metricsRoutes());
  await app.register(
    adminImportRoutes({
      database: deps.database,
      skills: deps.skills ?? loadSkillMatcher,
      maxBytes: deps.importMaxBytes ?? 1024 ** 3,
      queue: deps.queue,
    }),
  );
  await app.register(adminJobRoutes({ database: deps.database }));
  await app.register(
    adminMatchRoutes({
      matching: () => ({
        database: deps.database,
        retention: {
          floor: deps.matching?.floor ?? DEFAULT_RETENTION.floor,
          bestN: deps.matching?.bestN ?? DEFAULT_RETENTION.bestN,
        },
        vectorTopK: deps.matching?.vectorTopK ?? DEFAULT_VECTOR_TOP_K,
        skills: (deps.skills ?? loadSkillMatcher)(),
      }),
    }),
  );
  let embeddings: Promise<EmbeddingProvider> | undefined;
  const roleDeps = {
    database: deps.database,
    embeddings: () =>
      (embeddings ??= deps.embeddings ? Promise.resolve(deps.embeddings) : createLocalEmbeddingProvider()),
    ...(deps.roleMatchThreshold !== undefined ? { roleMatchThreshold: deps.roleMatchThreshold } : {}),
  };
  await app.register(adminRoleRoutes(roleDeps));
  const threshold = deps.roleMatchThreshold !== undefined ? { threshold: deps.roleMatchThreshold } : {};
  const roles: RoleSync = {
    setCandidateRoles: async (tx, tenantId, candidateId, preferredRoles) =>
      roleSyncFor(await roleDeps.embeddings(), threshold).setCandidateRoles(
        tx,
        tenantId,
        candidateId,
        preferredRoles,
      ),
  };
  await app.register(
    candidateRoutes({ ...tenantDeps, roles, importMaxBytes: deps.importMaxBytes ?? 1024 ** 3 }),
  );
  await app.register(
    resumeIntakeRoutes({
      ...tenantDeps,
      roles,
      skills: deps.skills ?? loadSkillMatcher,
      maxFileBytes: deps.resumeMaxBytes ?? DEFAULT_RESUME_MAX_BYTES,
    }),
  );
  await app.register(candidateDuplicateRoutes({ ...tenantDeps, roles }));
  await app.register(candidateOwnerRoutes({ database: deps.database }));
  await app.register(roleReportRoutes({ database: deps.database }));
  await app.register(
    scraperRoutes({
      database: deps.database,
      skills: deps.skills ?? loadSkillMatcher,
      limiter: apiKeyLimiter,
      queue: deps.queue,
      bodyLimit: scraping.bodyLimit,
      ...(scraping.maxAttempts ? { maxAttempts: scraping.maxAttempts } : {}),
    }),
  );
  await app.register(adminScraperRoutes({ database: deps.database }));
  await app.register(adminHealthRoutes({ database: deps.database }));
  await app.register(candidateRoleRoutes({ database: deps.database, queue: deps.queue }));
  await app.register(jobRoutes({ database: deps.database }));
  await app.register(tenantApiKeyRoutes({ database: deps.database }));
  await app.register(digestRoutes({ database: deps.database }));
  const webRoot = deps.webRoot ?? DEFAULT_WEB_ROOT;
  if (webRoot !== false && hasWebUi(webRoot)) await registerWebUi(app, webRoot);

  return app;
}
