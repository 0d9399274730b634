/**
 * The API's OpenAPI document, as `/openapi.json` serves it, built without a database (no route runs).
 * `npm run api-types` turns it into `web/src/api-types.ts`; `test/http/api-types.test.ts` checks that file is fresh.
 *
 * Run: node --import tsx scripts/openapi-document.ts > openapi.json
 */
import pino from 'pino';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildApp({ database: {} as Database, logger: pino({ level: 'silent' }), webRoot: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
}
