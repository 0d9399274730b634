import ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type App, buildApp } from '../../src/http/app.js';
import { silentLogger } from '../support/logger.js';

/**
 * The API contract of /openapi.json: every operation says what it does (description), shows an example of
 * what it takes or answers, documents a success response with its schema, declares the authentication it
 * needs (a session, the CSRF header for changes, or a scraper key; `[]` for public ones) and the standard
 * problem answers. A route added without them fails here, listing each operation and what it lacks.
 */
type Json = Record<string, unknown>;
interface Operation {
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Json[];
  requestBody?: { content?: Record<string, Json> };
  responses?: Record<string, { description?: string; content?: Record<string, Json> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Json>; securitySchemes?: Record<string, Json> };
}

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

describe('the OpenAPI document', () => {
  let app: App;
  let spec: Document;

  beforeAll(async () => {
    // Serving the document runs no query: no database is needed.
    app = await buildApp({ database: {} as Database, logger: silentLogger, webRoot: false });
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    spec = response.json() as Document;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Whether a schema (following $refs into the components) or a media object holds an example. */
  function hasExample(node: unknown, seen = new Set<string>()): boolean {
    if (!node || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some((item) => hasExample(item, seen));
    const object = node as Json;
    if (object.example !== undefined || object.examples !== undefined) return true;
    const ref = object.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/') && !seen.has(ref)) {
      seen.add(ref);
      if (hasExample(spec.components.schemas?.[ref.slice('#/components/schemas/'.length)], seen)) return true;
    }
    return Object.entries(object).some(([key, value]) => key !== 'description' && hasExample(value, seen));
  }

  function operations() {
    return Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operation,
      })),
    );
  }

  function lacks(method: string, path: string, operation: Operation): string[] {
    const missing: string[] = [];
    if (!operation.description?.trim()) missing.push('a description');
    const responses = operation.responses ?? {};
    const successes = Object.entries(responses).filter(([status]) => /^2/.test(status));
    const documentedSuccess = successes.filter(
      ([status, response]) =>
        response.description !== 'Default Response' &&
        (status === '204' || Object.values(response.content ?? {}).some((media) => media.schema)),
    );
    if (documentedSuccess.length === 0) missing.push('a success response with a schema');
    // The example shows what the operation takes or answers: its JSON body or answer; where it has neither
    // (a delete, a file download), its parameters; an operation taking and answering nothing needs none.
    const answers = successes.flatMap(([, response]) => Object.entries(response.content ?? {}));
    const jsonAnswers = answers.filter(([type]) => type.includes('json')).map(([, media]) => media);
    const examples = [
      operation.requestBody,
      ...answers.map(([, media]) => media),
      ...(operation.requestBody || jsonAnswers.length > 0 ? [] : (operation.parameters ?? [])),
    ];
    const takesOrAnswers =
      Boolean(operation.requestBody) || answers.length > 0 || (operation.parameters ?? []).length > 0;
    if (takesOrAnswers && !examples.some((part) => hasExample(part)))
      missing.push('an example (request or success response)');
    const security = operation.security;
    if (!Array.isArray(security)) missing.push('a security declaration');
    else {
      const unknown = security
        .flatMap(Object.keys)
        .filter((name) => !spec.components.securitySchemes?.[name]);
      if (unknown.length > 0) missing.push(`declared security schemes (${unknown.join(', ')})`);
      const session = security.some((requirement) => 'session' in requirement);
      const csrf = security.every((requirement) => !('session' in requirement) || 'csrf' in requirement);
      if (session && UNSAFE.has(method) && !csrf && path !== '/api/auth/login')
        missing.push('the CSRF header');
      if (security.length > 0 && !responses['401']) missing.push('its 401 answer');
      if (session && !responses['403']) missing.push('its 403 answer');
    }
    if (!responses['400']) missing.push('its 400 answer');
    if (path.includes('{') && !responses['404']) missing.push('its 404 answer');
    for (const [status, response] of Object.entries(responses)) {
      if (/^4/.test(status) && !response.content?.['application/problem+json'])
        missing.push(`a problem+json schema for ${status}`);
    }
    return missing;
  }

  it('describes every operation completely', () => {
    const incomplete = operations()
      .map(({ name, method, path, operation }) => ({ name, missing: lacks(method, path, operation) }))
      .filter(({ missing }) => missing.length > 0)
      .map(({ name, missing }) => `${name}: lacks ${missing.join(', ')}`);
    expect(incomplete, `${incomplete.length} operations are incomplete:\n${incomplete.join('\n')}`).toEqual(
      [],
    );
  });

  it('declares the session cookie, the CSRF header and the scraper key, and signed-in changes need both', () => {
    expect(spec.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'jm_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      scraperKey: { type: 'http', scheme: 'bearer' },
    });
    // Recruiter routes also take an agency API key (no cookie, so no CSRF header).
    expect(spec.paths['/api/candidates']?.post?.security).toEqual([
      { session: [], csrf: [] },
      { tenantKey: [] },
    ]);
    expect(spec.paths['/api/candidates']?.get?.security).toEqual([{ session: [] }, { tenantKey: [] }]);
    expect(spec.paths['/api/admin/health']?.get?.security).toEqual([{ session: [] }]);
    expect(spec.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(spec.paths['/healthz']?.get?.security).toEqual([]);
    expect(spec.paths['/api/scraper/queue/claim']?.post?.security).toEqual([
      { scraperKey: [] },
      { scraperKeyHeader: [] },
    ]);
    expect(spec.paths['/api/admin/health']?.get?.description).toMatch(/Needs a session of: PM_ADMIN/);
  });

  it('holds examples that match their own schemas', () => {
    const ajv = new ajv2020.Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'openapi', components: spec.components });
    const absolute = (schema: unknown) =>
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as Json;
    const wrong: string[] = [];
    const check = (where: string, schema: unknown, example: unknown) => {
      const validate = ajv.compile(absolute(schema));
      if (!validate(example)) wrong.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    };
    for (const [name, schema] of Object.entries(spec.components.schemas ?? {})) {
      for (const example of (schema.examples as unknown[] | undefined) ?? []) check(name, schema, example);
    }
    for (const { name, operation } of operations()) {
      const media = [
        ...Object.values(operation.requestBody?.content ?? {}),
        ...Object.values(operation.responses ?? {}).flatMap((response) =>
          Object.values(response.content ?? {}),
        ),
      ];
      for (const { schema, example } of media as { schema?: unknown; example?: unknown }[]) {
        if (example !== undefined && schema) check(name, schema, example);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  /** Operations answering `items` that are not lists a caller pages through, with why. */
  const NOT_PAGED_LISTS: Record<string, string> = {
    'GET /api/applications/pipeline':
      'the pipeline board: every stage with its count and newest cards (`per_stage`)',
  };

  it('every list searches with q, sorts with sort and pages with page and page_size', () => {
    const resolve = (schema: Json | undefined): Json | undefined => {
      const ref = schema?.$ref;
      return typeof ref === 'string' ? resolve(spec.components.schemas?.[ref.split('/').pop()!]) : schema;
    };
    const lacking = operations()
      .filter(({ method }) => method === 'get')
      .flatMap(({ name, operation }) => {
        const media = Object.values(operation.responses?.['200']?.content ?? {})[0] as Json | undefined;
        const items = (resolve(media?.schema as Json | undefined)?.properties as Json | undefined)?.items as
          | Json
          | undefined;
        if (items?.type !== 'array' || NOT_PAGED_LISTS[name]) return [];
        const names = new Set(
          (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        );
        const missing = ['q', 'page', 'page_size', 'sort'].filter((param) => !names.has(param));
        return missing.length > 0 ? [`${name}: no ${missing.join(', ')}`] : [];
      });
    expect(lacking).toEqual([]);
    expect(operations().map(({ name }) => name)).toEqual(
      expect.arrayContaining(Object.keys(NOT_PAGED_LISTS)),
    );
  });
});
