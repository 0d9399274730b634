import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { API_KEY_SCOPES } from '../../db/schema.js';
import { API_KEY_LIST } from '../../scraper/api-keys.js';
import {
  createTenantApiKey,
  listTenantApiKeysPage,
  revokeTenantApiKey,
  rotateTenantApiKey,
} from '../../tenant-keys/tenant-api-keys.js';
import { actorOf, requireRole, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { apiKeyFields, idParams, listQuery } from '../schemas.js';

const exampleKey = {
  id: 7,
  name: 'ATS sync',
  scope: 'read',
  is_active: true,
  created_at: '2026-12-01T09:00:00.000Z',
  created_by: 3,
  last_used_at: '2026-12-02T07:45:12.000Z',
  total_requests: 1280,
  revoked_at: null,
};
const exampleSecret = 'jm_tk_2eUwG5VtttVn7JL0USGLl77WLbEz76RYn7kQpV8htm22HGAPB';

const tenantApiKeySchema = z.object({ ...apiKeyFields, scope: z.enum(API_KEY_SCOPES) }).meta({
  id: 'TenantApiKey',
  description: 'An agency API key; its secret is never shown again after creation or rotation.',
  example: exampleKey,
});

const createdSchema = z
  .object({
    key: tenantApiKeySchema,
    secret: z.string().meta({ description: 'The key itself: store it now, only its hash is kept.' }),
  })
  .meta({ id: 'CreatedTenantApiKey', example: { key: exampleKey, secret: exampleSecret } });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
const tags = ['api keys'];

/**
 * An agency's API keys for the recruiter API; agency admins only, through a signed-in session (a key can
 * never create, list, rotate or revoke keys).
 */
export function tenantApiKeyRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    const admin = { preHandler: requireRole('TENANT_ADMIN') };

    app.get(
      '/api/api-keys',
      {
        ...admin,
        schema: {
          tags,
          summary: "The agency's API keys (never their secrets)",
          description:
            'Newest first, revoked keys included (is_active false); `q` searches the name, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery({}, API_KEY_LIST, { default: 500, max: 500 }),
          response: {
            200: z
              .object({ items: z.array(tenantApiKeySchema), total: z.number().int() })
              .meta({ example: { items: [exampleKey], total: 1 } }),
            ...errors,
          },
        },
      },
      async (request) => {
        const page = await listTenantApiKeysPage(deps.database, tenantOf(request), request.query);
        return { items: page.items.map(withScope), total: page.total };
      },
    );

    app.post(
      '/api/api-keys',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Create an API key for the recruiter API; the secret is in this response only',
          description:
            'Send it as `Authorization: Bearer jm_tk_...` or `X-API-Key`. A `read` key may call the GET routes ' +
            'a recruiter may call; a `write` key may also change data. No key opens admin, account, API-key or ' +
            'scraper routes. The key acts for the admin who created it and stops working if that user is deactivated.',
          body: z
            .object({ name: z.string(), scope: z.enum(API_KEY_SCOPES) })
            .strict()
            .meta({ example: { name: 'ATS sync', scope: 'read' } }),
          response: { 201: createdSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = await createTenantApiKey(deps.database, actorOf(request), request.body);
        return reply.status(201).send({ key: withScope(created.key), secret: created.secret });
      },
    );

    app.post(
      '/api/api-keys/:id/revoke',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Revoke an API key (idempotent): requests with it get 401 from now on',
          description:
            "Revokes one of the agency's API keys at once (no overlap period); revoking a revoked key answers it again with `already_revoked: true`. Another agency's key id is a 404.",
          params: idParams,
          response: {
            200: z
              .object({ key: tenantApiKeySchema, already_revoked: z.boolean() })
              .meta({ example: { key: { ...exampleKey, is_active: false }, already_revoked: false } }),
            404: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => {
        const { key, alreadyRevoked } = await revokeTenantApiKey(
          deps.database,
          tenantOf(request),
          request.params.id,
        );
        return { key: withScope(key), already_revoked: alreadyRevoked };
      },
    );

    app.post(
      '/api/api-keys/:id/rotate',
      {
        ...admin,
        schema: {
          tags,
          summary: 'Rotate an API key: a new key now, the old one working for an overlap period',
          description:
            'The new key keeps the name and scope; the old one is revoked after `overlap_minutes`.',
          params: idParams,
          body: z
            .object({ overlap_minutes: z.number().int().min(0).max(10_080).default(60) })
            .strict()
            .meta({ example: { overlap_minutes: 60 } }),
          response: {
            201: z
              .object({ key: tenantApiKeySchema, secret: z.string(), previous_key: tenantApiKeySchema })
              .meta({ example: { key: exampleKey, secret: exampleSecret, previous_key: exampleKey } }),
            404: problemSchema,
            409: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const rotated = await rotateTenantApiKey(
          deps.database,
          actorOf(request),
          request.params.id,
          request.body.overlap_minutes * 60,
        );
        return reply.status(201).send({
          key: withScope(rotated.key),
          secret: rotated.secret,
          previous_key: withScope(rotated.previous),
        });
      },
    );
  };
}

/** Every key an agency sees has a scope (the table's check constraint). */
function withScope<T extends { scope: string | null }>(key: T): T & { scope: 'read' | 'write' } {
  return { ...key, scope: key.scope === 'write' ? 'write' : 'read' };
}
