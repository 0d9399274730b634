import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../accounts/passwords.js';
import {
  createTenantWithAdmin,
  getTenantWithUsers,
  listTenants,
  listTenantUsersPage,
  TENANT_LIST,
  TENANT_USER_LIST,
  updateTenant,
} from '../../accounts/tenants.js';
import { createTenantUser, TENANT_USER_ROLES, updateTenantUser } from '../../accounts/users.js';
import type { Database } from '../../db/database.js';
import { requireRole, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';
import { idParams, listQuery } from '../schemas.js';
import { accountSchema } from './auth.routes.js';

const tenantSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    is_active: z.boolean(),
    created_at: z.date(),
    updated_at: z.date(),
  })
  .meta({
    id: 'Tenant',
    examples: [
      {
        id: 3,
        name: 'Northwind Talent',
        slug: 'northwind-talent',
        is_active: true,
        created_at: '2026-10-01T08:00:00.000Z',
        updated_at: '2026-10-01T08:00:00.000Z',
      },
    ],
  });

const email = z.string().trim().toLowerCase().max(255).pipe(z.email());
const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const personName = z.string().trim().min(1).max(200);
const tenantName = z.string().trim().min(1).max(255);
const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens (max 100)');
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;

/** Platform admins manage agencies; tenant admins manage their own agency's users. */
export function accountRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    const platformAdmin = { preHandler: requireRole('PM_ADMIN') };
    const tenantAdmin = { preHandler: requireRole('TENANT_ADMIN') };

    app.post(
      '/api/admin/tenants',
      {
        ...platformAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'Create an agency with its first tenant admin',
          description:
            'Creates the agency and its first TENANT_ADMIN. The slug is derived from the name when omitted; a slug or admin e-mail already in use is a 409.',
          body: z
            .object({
              name: tenantName,
              slug: slug.optional(),
              admin: z.object({ email, password, name: personName.optional() }).strict(),
            })
            .strict(),
          response: {
            201: z.object({ tenant: tenantSchema, admin: accountSchema }),
            ...errors,
            409: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTenantWithAdmin(deps.database, request.body)),
    );

    app.get(
      '/api/admin/tenants',
      {
        ...platformAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'All agencies',
          description:
            'Every agency on the platform, active or not; `q` searches name and slug, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery({}, TENANT_LIST, { default: 500, max: 500 }),
          response: { 200: z.object({ items: z.array(tenantSchema), total: z.number().int() }), ...errors },
        },
      },
      async (request) => listTenants(deps.database, request.query),
    );

    app.get(
      '/api/admin/tenants/:id',
      {
        ...platformAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'One agency with its users',
          description: 'The agency and all its user accounts (never their passwords).',
          params: idParams,
          response: {
            200: tenantSchema.extend({ users: z.array(accountSchema) }),
            ...errors,
            404: problemSchema,
          },
        },
      },
      async (request) => getTenantWithUsers(deps.database, request.params.id),
    );

    app.patch(
      '/api/admin/tenants/:id',
      {
        ...platformAdmin,
        schema: {
          tags: ['accounts'],
          summary: "Rename an agency or (de)activate it (a deactivated agency's users cannot sign in)",
          description:
            'Changes the name, slug or `is_active`. A slug already taken is a 409; deactivating an agency stops its users from signing in.',
          params: idParams,
          body: z
            .object({ name: tenantName.optional(), slug: slug.optional(), is_active: z.boolean().optional() })
            .strict(),
          response: { 200: tenantSchema, ...errors, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) => updateTenant(deps.database, request.params.id, request.body),
    );

    app.get(
      '/api/tenant/users',
      {
        ...tenantAdmin,
        schema: {
          tags: ['accounts'],
          summary: "The users of the caller's agency",
          description:
            "The accounts of the signed-in admin's agency (other agencies' users are never visible); `q` searches e-mail and name, `sort`/`order` sort them; paginated with `page`/`page_size`.",
          querystring: listQuery({}, TENANT_USER_LIST, { default: 500, max: 500 }),
          response: { 200: z.object({ items: z.array(accountSchema), total: z.number().int() }), ...errors },
        },
      },
      async (request) => listTenantUsersPage(deps.database, tenantOf(request), request.query),
    );

    app.post(
      '/api/tenant/users',
      {
        ...tenantAdmin,
        schema: {
          tags: ['accounts'],
          summary: "Create a recruiter or another tenant admin in the caller's agency",
          description:
            "Creates a RECRUITER or TENANT_ADMIN in the caller's agency; an e-mail already in use anywhere is a 409.",
          body: z
            .object({ email, password, name: personName.optional(), role: z.enum(TENANT_USER_ROLES) })
            .strict(),
          response: { 201: accountSchema, ...errors, 409: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTenantUser(deps.database, tenantOf(request), request.body)),
    );

    app.patch(
      '/api/tenant/users/:id',
      {
        ...tenantAdmin,
        schema: {
          tags: ['accounts'],
          summary: "Rename, change the role of, or (de)activate a user of the caller's agency",
          description:
            "Changes a user's name, role or `is_active` in the caller's agency; changing your own role or deactivating yourself is a 422.",
          params: idParams,
          body: z
            .object({
              name: personName.nullable().optional(),
              role: z.enum(TENANT_USER_ROLES).optional(),
              is_active: z.boolean().optional(),
            })
            .strict(),
          response: { 200: accountSchema, ...errors, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) =>
        updateTenantUser(
          deps.database,
          { userId: request.principal!.userId, tenantId: tenantOf(request) },
          request.params.id,
          request.body,
        ),
    );
  };
}
