import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { QUEUE_STATUSES, REPORT_STATUSES, ROLE_PRIORITIES } from '../../db/schema.js';
import { SENIORITIES } from '../../domain/roles/clean-role-text.js';
import type { EmbeddingProvider } from '../../embeddings/embedding-provider.js';
import { getRole, listRoles, ROLE_LIST } from '../../roles/list-roles.js';
import { mergeRoles } from '../../roles/merge-roles.js';
import { normalizeRole } from '../../roles/normalize-role.js';
import { editRole } from '../../roles/rename-role.js';
import { addRoleAlias, removeRoleAlias } from '../../roles/role-aliases.js';
import { closeRoleReport, listRoleReports, ROLE_REPORT_LIST } from '../../roles/role-reports.js';
import { requireRole } from '../auth/principal.js';
import { guardEveryRoute } from '../openapi.js';
import { problemSchema } from '../problem.js';
import { databaseIdValue, idParams, listQuery } from '../schemas.js';

export interface RoleRouteDependencies {
  database: Database;
  /** The configured embedding provider (created once per process). */
  embeddings: () => Promise<EmbeddingProvider>;
  /** Vector-stage threshold of role normalization (config JOBMATCH_ROLE_MATCH_THRESHOLD). */
  roleMatchThreshold?: number;
}

export const roleSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    aliases: z.array(z.string()),
    category: z.string().nullable(),
    candidate_count: z.number().int(),
    queue_status: z.enum(QUEUE_STATUSES),
    priority: z.enum(ROLE_PRIORITIES),
    total_jobs_scraped: z.number().int(),
    last_scraped_at: z.date().nullable(),
    embedding_model: z.string().nullable(),
    has_embedding: z.boolean(),
    created_at: z.date().nullable(),
    updated_at: z.date().nullable(),
  })
  .meta({
    id: 'GlobalRole',
    examples: [
      {
        id: 12,
        name: 'Python Developer',
        aliases: ['Python Engineer', 'Python Programmer'],
        category: 'Engineering',
        candidate_count: 17,
        queue_status: 'completed',
        priority: 'normal',
        total_jobs_scraped: 240,
        last_scraped_at: '2026-11-28T14:05:00.000Z',
        embedding_model: 'local-768',
        has_embedding: true,
        created_at: '2026-10-01T08:00:00.000Z',
        updated_at: '2026-11-28T14:05:00.000Z',
      },
    ],
  });

export const roleReportSchema = z
  .object({
    id: z.number().int(),
    tenant_id: z.number().int(),
    candidate_id: z.number().int().nullable(),
    input_text: z.string(),
    global_role_id: z.number().int().nullable(),
    global_role_name: z.string().nullable(),
    suggested_role_name: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    reported_by: z.number().int().nullable(),
    resolved_by: z.number().int().nullable(),
    created_at: z.date(),
    resolved_at: z.date().nullable(),
  })
  .meta({
    id: 'RoleMappingReport',
    examples: [
      {
        id: 5,
        tenant_id: 3,
        candidate_id: 42,
        input_text: 'Backend Engineer',
        global_role_id: 30,
        global_role_name: 'Software Engineer',
        suggested_role_name: 'Backend Developer',
        note: 'She works on APIs, not general software.',
        status: 'open',
        reported_by: 17,
        resolved_by: null,
        created_at: '2026-11-28T14:05:00.000Z',
        resolved_at: null,
      },
    ],
  });

export const normalizedRoleSchema = z
  .object({
    role: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    method: z.enum(['exact', 'alias', 'fuzzy', 'vector', 'created']).nullable(),
    confidence: z.number(),
    seniority: z.enum(SENIORITIES).nullable(),
    cleaned: z.string(),
    vectorStageAvailable: z.boolean(),
  })
  .meta({
    id: 'NormalizedRole',
    examples: [
      {
        role: { id: 12, name: 'Python Developer' },
        method: 'alias',
        confidence: 0.97,
        seniority: 'senior',
        cleaned: 'python engineer',
        vectorStageAvailable: true,
      },
    ],
  });

const pageSizes = { default: 50, max: 500 };
const roleText = z.string().trim().min(1).max(200);
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Platform-admin management of the global role taxonomy and of the recruiters' mapping reports. */
export function adminRoleRoutes(deps: RoleRouteDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', guardEveryRoute(requireRole('PM_ADMIN')));
    const tags = ['roles'];

    app.get(
      '/api/admin/roles',
      {
        schema: {
          tags,
          summary: 'List or search roles (name or alias), with candidate counts and queue status',
          description:
            'Global roles with aliases, category, scrape priority, candidate count and queue status; `q` searches names and aliases, `sort`/`order` sort them. Paginated with `page`/`page_size`.',
          querystring: listQuery({ queue_status: z.enum(QUEUE_STATUSES).optional() }, ROLE_LIST, pageSizes),
          response: {
            200: z.object({
              items: z.array(roleSchema),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { queue_status, limit, offset, ...list } = request.query;
        const result = await listRoles(deps.database, { ...list, queueStatus: queue_status, limit, offset });
        return { ...result, limit, offset };
      },
    );

    app.get(
      '/api/admin/roles/:id',
      {
        schema: {
          tags,
          summary: 'One role',
          description: 'The role with its aliases, category, priority, queue status and candidate count.',
          params: idParams,
          response: { 200: roleSchema, ...errors },
        },
      },
      async (request) => getRole(deps.database, request.params.id),
    );

    app.patch(
      '/api/admin/roles/:id',
      {
        schema: {
          tags,
          summary: 'Rename a role (the old name stays an alias), set its category or scrape priority',
          description:
            'Renames the role (the old name becomes an alias), sets its category or scrape priority; a name another role already uses is a 409.',
          params: idParams,
          body: z
            .object({
              name: roleText.optional(),
              category: z.string().trim().max(100).nullable().optional(),
              priority: z.enum(ROLE_PRIORITIES).optional(),
            })
            .strict(),
          response: { 200: roleSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => editRole(deps.database, deps.embeddings, request.params.id, request.body),
    );

    app.post(
      '/api/admin/roles/:id/aliases',
      {
        schema: {
          tags,
          summary: 'Add an alias to a role',
          description:
            'Adds an alias, so the text maps to this role from now on; an alias another role has is a 409, one whose ' +
            'parsed parts are not the role parts (a bare role noun such as "Engineer", posting noise, another ' +
            'specialty or function) a 400.',
          params: idParams,
          body: z.object({ alias: roleText }).strict(),
          response: { 200: roleSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        addRoleAlias(deps.database, await deps.embeddings(), request.params.id, request.body.alias),
    );

    app.delete(
      '/api/admin/roles/:id/aliases/:alias',
      {
        schema: {
          tags,
          summary: 'Remove an alias from a role',
          description:
            'Removes the alias (URL-encoded in the path); an alias the role does not have is a 404.',
          params: idParams.extend({ alias: roleText }),
          response: { 200: roleSchema, ...errors },
        },
      },
      async (request) =>
        removeRoleAlias(deps.database, await deps.embeddings(), request.params.id, request.params.alias),
    );

    app.post(
      '/api/admin/roles/merge',
      {
        schema: {
          tags,
          summary:
            'Merge a role into another: links, aliases, job mappings and scrape history move; counts stay exact',
          description:
            'Moves everything of the source role into the target (candidate links, aliases, job mappings, job postings, scrape sessions and reports) and deletes the source; answers the target and how many rows moved.',
          body: z.object({ source_id: databaseIdValue, target_id: databaseIdValue }).strict(),
          response: {
            200: z.object({
              role: roleSchema,
              moved: z.object({
                candidateLinks: z.number().int(),
                jobMappings: z.number().int(),
                jobPostings: z.number().int(),
                scrapeSessions: z.number().int(),
                reports: z.number().int(),
              }),
            }),
            ...errors,
          },
        },
      },
      async (request) =>
        mergeRoles(deps.database, await deps.embeddings(), request.body.source_id, request.body.target_id),
    );

    app.post(
      '/api/admin/roles/normalize',
      {
        schema: {
          tags,
          summary:
            'Map a role text to its canonical role without linking anything (create: allow a new role)',
          description:
            'Runs role normalization (exact, alias, fuzzy, then vector stage) on a text and answers the role, method and confidence; with `create: true` an unknown role may be created. Nothing is linked to a candidate.',
          body: z.object({ text: z.string().max(1000), create: z.boolean().default(false) }).strict(),
          response: { 200: normalizedRoleSchema, ...errors },
        },
      },
      async (request) =>
        normalizeRole(deps.database, await deps.embeddings(), request.body.text, {
          create: request.body.create,
          ...(deps.roleMatchThreshold !== undefined ? { threshold: deps.roleMatchThreshold } : {}),
        }),
    );

    app.get(
      '/api/admin/role-reports',
      {
        schema: {
          tags,
          summary: "Recruiters' reports of wrong role mappings, newest first",
          description:
            'Reports recruiters filed against a role mapping, filtered by status, newest first; `q` searches the reported text, role, suggestion and note, `sort`/`order` sort them; paginated with `page`/`page_size`.',
          querystring: listQuery({ status: z.enum(REPORT_STATUSES).optional() }, ROLE_REPORT_LIST, pageSizes),
          response: {
            200: z.object({
              items: z.array(roleReportSchema),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { status, limit, offset, ...list } = request.query;
        const result = await listRoleReports(deps.database, { ...list, status, limit, offset });
        return { ...result, limit, offset };
      },
    );

    app.patch(
      '/api/admin/role-reports/:id',
      {
        schema: {
          tags,
          summary: 'Close a report as resolved or dismissed',
          description:
            'Closes an open report as `resolved` or `dismissed` with an optional note; the reporter gets an inbox notification. A report already closed is a 409.',
          params: idParams,
          body: z.object({ status: z.enum(['resolved', 'dismissed']) }).strict(),
          response: { 200: roleReportSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        closeRoleReport(
          deps.database,
          request.params.id,
          request.body.status,
          request.principal?.userId ?? null,
        ),
    );
  };
}
