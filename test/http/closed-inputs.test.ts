import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey } from '../support/scraper-fixtures.js';

/**
 * Every operation of /openapi.json refuses what it does not take, with a 400 naming it: an unknown query
 * parameter, and an unknown field in its JSON body at every depth (the body itself, each nested object, the
 * objects of each array). Validation runs before the role guards, so an anonymous caller is enough (the
 * scraper routes authenticate first: they get a scraper key).
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
interface Operation {
  tags?: string[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema> };
}

const UNKNOWN = 'surely_not_a_field';

describe('closed inputs', () => {
  let database: TestDatabase;
  let app: App;
  let spec: Document;
  let scraper: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, webRoot: false });
    spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as Document;
    scraper = { authorization: `Bearer ${(await createScraperKey(database)).secret}` };
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(spec.components.schemas![schema.$ref.split('/').pop()!]!) : schema;

  /**
   * Each object in a body schema, as the body that holds an unknown field there and the error field naming
   * it: `{admin: {x: 1}}` and `body.admin.x`. The branches of a union are walked alike.
   */
  function probes(schema: Schema, at: string[] = [], depth = 0): { body: unknown; field: string }[] {
    const node = resolve(schema);
    if (depth > 6) return [];
    const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
    if (branches.length > 0) return branches.flatMap((branch) => probes(branch, at, depth + 1));
    if (node.type === 'array' && node.items) return probes(node.items, [...at, '0'], depth + 1);
    if (!node.properties) return [];
    const wrap = (path: string[], value: unknown): unknown =>
      path.length === 0
        ? value
        : /^\d+$/.test(path[0]!)
          ? [wrap(path.slice(1), value)]
          : { [path[0]!]: wrap(path.slice(1), value) };
    return [
      { body: wrap(at, { [UNKNOWN]: 1 }), field: ['body', ...at, UNKNOWN].join('.') },
      ...Object.entries(node.properties).flatMap(([key, value]) => probes(value, [...at, key], depth + 1)),
    ];
  }

  function operations() {
    return Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as 'GET',
        // Failed tasks are named by pg-boss's UUIDs; every other id is a number.
        url: path.replace(
          /\{[^}]+\}/g,
          path.includes('failed-tasks') ? '0b6f3c1e-8a51-4c8e-9d0e-2f1a7c5b9e44' : '1',
        ),
        operation,
      })),
    );
  }
  const headersOf = (operation: Operation) => (operation.tags?.includes('scraper') ? scraper : {});

  // Fastify checks the body before the query string: operations with a body are probed by the body test.
  it('refuses an unknown query parameter on every operation without a body', async () => {
    const open: string[] = [];
    for (const { name, method, url, operation } of operations()) {
      if (operation.requestBody) continue;
      const response = await app.inject({
        method,
        url: `${url}?${UNKNOWN}=1`,
        headers: headersOf(operation),
      });
      const fields = response.statusCode === 400 ? JSON.stringify(response.json().errors ?? []) : '';
      if (!fields.includes(`querystring.${UNKNOWN}`)) open.push(`${name}: ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('refuses an unknown body field at every depth, naming its path', async () => {
    const open: string[] = [];
    let probed = 0;
    for (const { name, method, url, operation } of operations()) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      for (const probe of probes(schema)) {
        probed += 1;
        const response = await app.inject({
          method,
          url,
          payload: probe.body as object,
          headers: headersOf(operation),
        });
        const errors = response.statusCode === 400 ? JSON.stringify(response.json().errors ?? []) : '';
        if (!errors.includes(`"field":"${probe.field}"`))
          open.push(`${name} ${probe.field}: ${response.statusCode} ${errors.slice(0, 200)}`);
      }
    }
    expect(probed).toBeGreaterThan(40);
    expect(open).toEqual([]);
  });
});
