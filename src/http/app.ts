import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { SkillMatcher } from '../domain/skills.js';
import { AppError } from '../errors.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import { sendProblem, toAppError } from './problem.js';
import { adminImportRoutes } from './routes/admin-imports.routes.js';
import { adminJobRoutes } from './routes/admin-jobs.routes.js';
import { healthRoutes } from './routes/health.routes.js';

export interface AppDependencies {
  database: Database;
  logger: Logger;
  bodyLimit?: number;
  /** Largest accepted import upload. */
  importMaxBytes?: number;
  skills?: () => SkillMatcher;
}

export type App = FastifyInstance;

/** Builds the HTTP application; `server.ts` starts it, tests drive it with `app.inject`. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

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
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.importMaxBytes ?? 1024 ** 3, files: 1, fields: 20 },
  });
  await app.register(healthRoutes(deps.database));
  await app.register(adminImportRoutes({ database: deps.database, skills: deps.skills ?? loadSkillMatcher }));
  await app.register(adminJobRoutes({ database: deps.database }));

  return app;
}
