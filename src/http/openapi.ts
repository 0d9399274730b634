import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserRole } from '../accounts/account-queries.js';
import { SESSION_COOKIE } from './auth/session-auth.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

/**
 * The API contract in one place: the security schemes, the rule that every route's query string and JSON
 * body reject unknown fields, and how each operation's authentication and standard error answers are
 * documented. Routes state their own summary, description, examples and success schema; this module adds
 * what follows from how the route is guarded, so new routes are documented the same way.
 */

export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The sign-in session. `POST /api/auth/login` sets this HttpOnly cookie (the browser, and so "Try it out" ' +
      'in /docs, sends it by itself) and answers the CSRF token for the `csrf` scheme.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      "The session's CSRF token (`csrf_token` of `POST /api/auth/login`, `GET /api/auth/me` or `GET /api/auth/session`): " +
      'every signed-in request that changes data (POST, PUT, PATCH, DELETE) must send it, or it is a 403.',
  },
  scraperKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'A scraper API key (`Authorization: Bearer jm_sk_...`), made by a platform admin.',
  },
  scraperKeyHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'The same scraper API key in `X-API-Key` instead of the Authorization header.',
  },
  tenantKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An agency API key (`Authorization: Bearer jm_tk_...`) for the recruiter API, made by an agency admin: ' +
      'a read key answers GET only, a write key may change data (no CSRF header needed, no cookie sent).',
  },
} as const;

type Hook = (...args: never[]) => unknown;

/** A preHandler made by `requireRole`: it carries the roles it admits, so the document can state them. */
export type RoleGuard = Hook & { readonly roles: readonly UserRole[] };

const isRoleGuard = (hook: unknown): hook is RoleGuard =>
  typeof hook === 'function' && Array.isArray((hook as Partial<RoleGuard>).roles);

const hooksOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []);

/** The roles a route admits (from its `requireRole` preHandler), or undefined when it needs no session. */
export function rolesOf(
  route: Pick<RouteOptions, 'preHandler' | 'onRequest'>,
): readonly UserRole[] | undefined {
  return [...hooksOf(route.onRequest), ...hooksOf(route.preHandler)].find(isRoleGuard)?.roles;
}

/**
 * An `onRoute` hook for a plugin whose every route needs the same role: the guard becomes each route's first
 * preHandler, where the document (and `rolesOf`) sees it, instead of a plugin-level hook nobody can inspect.
 */
export function guardEveryRoute(guard: RoleGuard) {
  return (route: RouteOptions): void => {
    route.preHandler = [guard, ...hooksOf(route.preHandler)] as RouteOptions['preHandler'];
  };
}

/**
 * `onRoute`: a documented route's query string and JSON body are closed objects, at every depth (nested
 * objects, array items, each branch of a union). Unknown fields are a 400 naming their path (`body.admin.x`)
 * instead of being dropped silently (`/api/jobs?search=x` no longer lists every job); a route without query
 * parameters gets an empty closed query string.
 */
export function closeRouteInputs(route: RouteOptions): void {
  const schema = route.schema as { hide?: boolean; querystring?: unknown; body?: unknown } | undefined;
  if (!schema || schema.hide) return;
  if (schema.querystring === undefined) schema.querystring = z.object({}).strict();
  else schema.querystring = closed(schema.querystring);
  if (schema.body !== undefined) schema.body = closed(schema.body);
}

type ZodDef = Record<string, unknown> & { type: string };
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/**
 * The schema with every object in it refusing unknown keys (refinements, descriptions and examples kept).
 * A named schema (a component of the document) is closed where it is declared, so it stays as it is here.
 */
export function closed(schema: unknown): unknown {
  if (!(schema instanceof z.ZodType)) return schema;
  const meta = z.globalRegistry.get(schema);
  if (meta?.id) return schema;
  const def = schema._zod.def as unknown as ZodDef;
  const changed = closedDef(def);
  if (!changed) return schema;
  const copy = schema.clone(changed as unknown as typeof schema._zod.def);
  if (meta) copy.register(z.globalRegistry, meta);
  return copy;
}

/** The definition with its parts closed, or undefined when nothing in it changes. */
function closedDef(def: ZodDef): ZodDef | undefined {
  const part = (key: string) => {
    const next = closed(def[key]);
    return next === def[key] ? undefined : { ...def, [key]: next };
  };
  if (def.type === 'object') {
    const shape = def.shape as Record<string, unknown>;
    const closedShape = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, closed(value)]));
    const lenient = def.catchall === undefined;
    if (!lenient && Object.keys(shape).every((key) => closedShape[key] === shape[key])) return undefined;
    return { ...def, shape: closedShape, ...(lenient ? { catchall: z.never() } : {}) };
  }
  if (WRAPPERS.has(def.type)) return part('innerType');
  if (def.type === 'array') return part('element');
  if (def.type === 'pipe') return part('in');
  if (def.type === 'union') {
    const options = def.options as unknown[];
    const next = options.map(closed);
    return next.every((option, index) => option === options[index]) ? undefined : { ...def, options: next };
  }
  return undefined;
}

type JsonSchema = Record<string, unknown>;

const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work is queued',
  204: 'Done; no content',
  400: 'Invalid input: `errors` names each field (unknown query parameters and body fields included)',
  401: 'Not signed in, or no valid credential for this operation',
  403: "The caller's role does not allow this, or a change was sent without the session's X-CSRF-Token",
  404: 'Not found (also when it belongs to another agency)',
  409: 'Conflicts with the current data (e.g. a duplicate)',
  413: 'The upload is larger than the limit',
  415: 'Wrong content type for this operation',
  422: 'Valid input the current state does not allow',
  429: 'Too many attempts: retry after the `Retry-After` seconds',
  503: 'Not available right now',
  '4XX': 'Any other client error, as problem details',
};

const PROBLEM_REF: JsonSchema = { $ref: '#/components/schemas/Problem' };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

function problemResponse(status: string, schema: unknown) {
  return {
    description: RESPONSE_DESCRIPTIONS[status] ?? 'Client error',
    content: { [PROBLEM_CONTENT_TYPE]: { schema } },
  };
}

/**
 * The `transform` of @fastify/swagger: zod schemas to JSON Schema, then per operation the security it needs
 * (from its role guard: the session, plus the CSRF header for changes; other routes state theirs), the
 * standard problem answers that follow from it (400 always; 401 and 403 when guarded; 404 with a path
 * parameter) and a description for every response.
 */
export function documentOperation(input: TransformInput) {
  const transformed = jsonSchemaTransform(input) as { schema: JsonSchema; url: string };
  const { schema, url } = transformed;
  if (!schema || schema.hide) return transformed;
  const method = String(input.route.method).toUpperCase();
  const roles = rolesOf(input.route);
  const csrfExempt = Boolean(input.route.config?.csrfExempt);
  // Without a role guard the route states its security itself (`[]` for a public one): an undeclared one
  // stays undeclared, and the contract test names it.
  if (schema.security === undefined && roles) {
    schema.security = [
      UNSAFE_METHODS.has(method) && !csrfExempt ? { session: [], csrf: [] } : { session: [] },
      // Agency API keys open exactly the recruiter API (see admitApiKey in auth/principal.ts).
      ...(roles.includes('RECRUITER') && !roles.includes('PM_ADMIN') ? [{ tenantKey: [] }] : []),
    ];
  }
  if (roles && typeof schema.description === 'string') {
    schema.description = `${schema.description}\n\nNeeds a session of: ${roles.join(', ')}.`;
  }
  const response = { ...((schema.response ?? {}) as Record<string, JsonSchema>) };
  const problem = response['4xx'] ?? response['4XX'] ?? PROBLEM_REF;
  const guarded = roles !== undefined || (Array.isArray(schema.security) && schema.security.length > 0);
  const standard = [
    '400',
    ...(guarded ? ['401'] : []),
    ...(roles ? ['403'] : []),
    ...(url.includes(':') ? ['404'] : []),
  ];
  for (const status of standard) response[status] ??= problem;
  for (const [status, body] of Object.entries(response)) {
    if (/^[45]/.test(status)) response[status] = problemResponse(status.toUpperCase(), body);
    else if (!body.description)
      response[status] = { ...body, description: RESPONSE_DESCRIPTIONS[status] ?? 'Success' };
  }
  schema.response = response;
  return { schema, url };
}
