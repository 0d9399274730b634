import ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { seededRandom } from '../../src/domain/seeded-random.js';

/**
 * A schema-driven fuzzer over the application's own OpenAPI document: for each operation it generates
 * requests from the documented parameters and body, then mutates one part of them into something hostile
 * (control characters, out-of-range numbers, wrong types, deep nesting, long arrays). Each answer is checked
 * against the operation's documented responses: the status must be documented and the body must match it.
 */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  default?: unknown;
  [key: string]: unknown;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface FuzzRequest {
  operation: string;
  method: string;
  url: string;
  body?: unknown;
}

export type Random = () => number;

const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  'bell\u0007and\u001bescape',
  'line\r\nbreak\ttab',
  '\u202Eright-to-left',
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  '😀'.repeat(300),
  'x'.repeat(20_000),
  '',
  ' ',
  '\uFEFF',
  '\uD800',
];
const HOSTILE_NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE];
const HOSTILE_PATH_VALUES = ['0', '-1', '2147483648', '9007199254740993', '1e3', 'abc', '1.5', '%00', '%20'];

export function createFuzzer(spec: OpenApiDocument, seed: number) {
  const random: Random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return spec.components?.schemas?.[name] ?? {};
  };

  /** A value that satisfies the schema (mostly: patterns are not honoured). */
  function valid(schemaIn: JsonSchema, depth = 0): unknown {
    const schema = resolve(schemaIn);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return pick(schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return valid(pick(choices), depth);
    if (schema.allOf) return valid(schema.allOf[0]!, depth);
    const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type;
    switch (type) {
      case 'string':
        return validString(schema);
      case 'integer': {
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
        const max = Math.min(schema.maximum ?? 1000, min + 20);
        return int(min, Math.max(min, max));
      }
      case 'number':
        return (
          (schema.minimum ?? 0) + random() * Math.min(100, (schema.maximum ?? 100) - (schema.minimum ?? 0))
        );
      case 'boolean':
        return chance(0.5);
      case 'null':
        return null;
      case 'array': {
        if (depth > 4) return [];
        const count = int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3));
        return Array.from({ length: count }, () => valid(schema.items ?? {}, depth + 1));
      }
      case 'object': {
        const result: Record<string, unknown> = {};
        if (depth > 4) return result;
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          if (schema.required?.includes(name) || chance(0.5)) result[name] = valid(property, depth + 1);
        }
        return result;
      }
      default:
        return pick(['x', 1, true, null]);
    }
  }

  function validString(schema: JsonSchema): string {
    switch (schema.format) {
      case 'email':
        return `fuzz${int(1, 99)}@example.test`;
      case 'date':
        return '2026-11-20';
      case 'date-time':
        return '2026-11-20T10:00:00.000Z';
      case 'uuid':
        return pick(['00000000-0000-4000-8000-000000000000', crypto.randomUUID()]);
      case 'uri':
        return 'https://jobs.example.com/1';
      default: {
        const min = schema.minLength ?? 1;
        const max = Math.max(min, Math.min(schema.maxLength ?? 12, min + 12));
        return 'fuzz-'
          .concat('abcdefghij'.slice(0, int(0, 10)))
          .padEnd(min, 'x')
          .slice(0, max);
      }
    }
  }

  function hostile(): unknown {
    switch (int(0, 6)) {
      case 0:
      case 1:
        return pick(HOSTILE_STRINGS);
      case 2:
        return pick(HOSTILE_NUMBERS);
      case 3:
        return pick([null, true, {}, [], '1', { $gt: '' }]);
      case 4: {
        let nested: unknown = 'bottom';
        for (let level = 0; level < 2000; level += 1) nested = chance(0.5) ? [nested] : { a: nested };
        return nested;
      }
      case 5:
        return Array.from({ length: 20_000 }, (_, index) => index);
      default:
        return Array.from({ length: 50 }, () => pick(HOSTILE_STRINGS));
    }
  }

  /** Replaces one leaf (or adds one unknown key) of a generated value with a hostile one. */
  function mutate(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || chance(0.2)) return hostile();
    if (Array.isArray(value)) {
      if (value.length === 0) return [hostile()];
      const copy = [...value];
      const index = int(0, copy.length - 1);
      copy[index] = mutate(copy[index]);
      return copy;
    }
    const copy = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length === 0 || chance(0.1)) copy[pick(['__proto__x', 'tenant_id', 'id', 'extra'])] = hostile();
    else {
      const key = pick(keys);
      copy[key] = mutate(copy[key]);
    }
    return copy;
  }

  function asQueryValue(value: unknown): string {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** One request for an operation: valid from its schema, then (mostly) one part made hostile. */
  function request(path: string, method: string, ids: readonly number[]): FuzzRequest {
    const operation = spec.paths[path]![method]!;
    const parameters = operation.parameters ?? [];
    const hostilePart = chance(0.8) ? pick(['path', 'query', 'body', 'body', 'body']) : 'none';
    let url = path;
    for (const parameter of parameters.filter((p) => p.in === 'path')) {
      const schema = resolve(parameter.schema);
      const value =
        hostilePart === 'path' && chance(0.6)
          ? pick(HOSTILE_PATH_VALUES)
          : schema.type === 'integer' || schema.type === 'number'
            ? String(pick(ids))
            : asQueryValue(valid(schema));
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(value).replaceAll('%25', '%'));
    }
    const query = new URLSearchParams();
    const queryParameters = parameters.filter((p) => p.in === 'query');
    for (const parameter of queryParameters) {
      if (parameter.required || chance(0.4)) query.set(parameter.name, asQueryValue(valid(parameter.schema)));
    }
    if (hostilePart === 'query') {
      const name = queryParameters.length > 0 ? pick(queryParameters).name : 'unknown';
      const value = hostile();
      query.set(name, Array.isArray(value) && value.length > 100 ? '1'.repeat(5000) : asQueryValue(value));
    }
    const search = query.toString();
    const jsonBody = operation.requestBody?.content['application/json']?.schema;
    let body: unknown;
    if (jsonBody) {
      body = valid(jsonBody);
      if (hostilePart === 'body') body = mutate(body);
    }
    return {
      operation: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      url: search ? `${url}?${search}` : url,
      ...(jsonBody ? { body } : {}),
    };
  }

  /**
   * Targeted probes besides the random requests: each path and query parameter and each top-level body field
   * in turn gets a NUL character, a C0 control character, and (when numeric) a value past 2^31.
   */
  function probes(path: string, method: string, ids: readonly number[]): FuzzRequest[] {
    const operation = spec.paths[path]![method]!;
    const parameters = operation.parameters ?? [];
    const jsonBody = operation.requestBody?.content['application/json']?.schema;
    const base = request(path, method, ids);
    const baseUrl = new URL(base.url, 'http://fuzz');
    const result: FuzzRequest[] = [];
    const numeric = (schema: JsonSchema) => ['integer', 'number'].includes(String(resolve(schema).type));
    for (const parameter of parameters) {
      const values = numeric(parameter.schema) ? ['2147483648', '-2147483649'] : ['a\u0000b', 'a\u0007b'];
      for (const value of values) {
        if (parameter.in === 'path') {
          const url = path
            .replace(`{${parameter.name}}`, encodeURIComponent(value))
            .replace(/\{[^}]+\}/g, '1');
          result.push({ ...base, url });
        } else if (parameter.in === 'query') {
          const query = new URLSearchParams(baseUrl.search);
          query.set(parameter.name, value);
          result.push({ ...base, url: `${baseUrl.pathname}?${query}` });
        }
      }
    }
    const bodySchema = jsonBody ? resolve(jsonBody) : undefined;
    if (bodySchema?.properties && base.body && typeof base.body === 'object') {
      for (const [name, property] of Object.entries(bodySchema.properties)) {
        const values = numeric(property) ? [2 ** 31, 2 ** 53] : ['a\u0000b', 'a\u0007b', ['a\u0000b']];
        for (const value of values)
          result.push({ ...base, body: { ...(base.body as object), [name]: value } });
      }
    }
    return result;
  }

  return { request, probes, random, pick };
}

/** Validates answers against the documented responses of each operation. */
export function createResponseChecker(spec: OpenApiDocument) {
  const ajv = new ajv2020.Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: spec.components ?? {} });
  const compiled = new Map<string, ValidateFunction>();
  const withAbsoluteRefs = (schema: JsonSchema) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as JsonSchema;

  /** Null when the answer is documented and matches; otherwise what is wrong with it. */
  return function check(
    path: string,
    method: string,
    status: number,
    contentType: string,
    body: string,
  ): string | null {
    const responses = spec.paths[path]?.[method]?.responses ?? {};
    const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!documented) return `status ${status} is not documented (${Object.keys(responses).join(', ')})`;
    const content = documented.content;
    if (!content) return body.length === 0 ? null : `status ${status} documents no body`;
    const json = /^application\/(problem\+)?json/.test(contentType);
    const media = content['application/json'] ?? content[contentType.split(';')[0]!];
    if (!media?.schema) return null;
    if (!json) {
      const documentedText = media.schema.type === 'string';
      return documentedText ? null : `content type ${contentType} where JSON is documented`;
    }
    const key = `${method} ${path} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(withAbsoluteRefs(media.schema));
      compiled.set(key, validate);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'body is not JSON';
    }
    if (validate(parsed)) return null;
    return `body does not match the documented schema: ${ajv.errorsText(validate.errors)}`;
  };
}
