import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, apiTypesSource } from '../../scripts/generate-api-types.js';

describe('the web app API types', () => {
  it('are what openapi-typescript makes of the current /openapi.json (run `npm run api-types` after a schema change)', async () => {
    const checkedIn = readFileSync(API_TYPES_PATH, 'utf8');
    const fresh = await apiTypesSource();
    // A line-level hint first: the whole-file diff of a 12 000-line file is hard to read.
    const firstDifference = fresh
      .split('\n')
      .findIndex((line, index) => line !== checkedIn.split('\n')[index]);
    expect(
      checkedIn === fresh,
      `web/src/api-types.generated.ts is stale from line ${firstDifference + 1}: run npm run api-types`,
    ).toBe(true);
  }, 120_000);
});
