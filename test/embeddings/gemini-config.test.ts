import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { createEmbeddingProvider } from '../../src/embeddings/create-embedding-provider.js';
import { embedMissing } from '../../src/embeddings/embed-rows.js';
import { EMBEDDING_DIMENSIONS } from '../../src/embeddings/embedding-provider.js';
import { runEmbeddingBackfill } from '../../src/embeddings/embedding-tasks.js';
import { createLocalEmbeddingProvider } from '../../src/embeddings/local-provider.js';
import { createTestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

/** Answers batchEmbedContents like the Gemini REST API, with the local model's vectors; can fail on demand. */
async function startFakeGemini() {
  const local = await createLocalEmbeddingProvider();
  const state = { failWith: 0, requests: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', async () => {
      state.requests += 1;
      if (state.failWith) {
        res.writeHead(state.failWith, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { code: state.failWith, status: 'UNAVAILABLE', message: 'overloaded' } }),
        );
        return;
      }
      const body = JSON.parse(raw) as { requests: { content: { parts: { text: string }[] } }[] };
      const vectors = await local.embed(
        body.requests.map((r) => r.content.parts[0]!.text),
        'document',
      );
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ embeddings: vectors.map((v) => ({ values: [...v].map((x) => x * 3) })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('embedding configuration', () => {
  it('defaults to gemini when a key is set, else local; gemini without a key is a config error', () => {
    expect(parseConfig({}).embeddings).toMatchObject({ provider: 'local', roleMatchThreshold: 0.65 });
    expect(parseConfig({ GEMINI_API_KEY: 'k' }).embeddings).toMatchObject({
      provider: 'gemini',
      geminiApiKey: 'k',
    });
    expect(parseConfig({ GOOGLE_API_KEY: 'g' }).embeddings).toMatchObject({
      provider: 'gemini',
      geminiApiKey: 'g',
    });
    expect(
      parseConfig({ GEMINI_API_KEY: 'k', JOBMATCH_EMBEDDING_PROVIDER: 'local' }).embeddings.provider,
    ).toBe('local');
    expect(() => parseConfig({ JOBMATCH_EMBEDDING_PROVIDER: 'gemini' })).toThrow(ConfigError);
    expect(() => parseConfig({ JOBMATCH_ROLE_MATCH_THRESHOLD: '1.5' })).toThrow(ConfigError);
    expect(parseConfig({ JOBMATCH_ROLE_MATCH_THRESHOLD: '0.8' }).embeddings.roleMatchThreshold).toBe(0.8);
  });
});

describe('the gemini provider built from the configuration', () => {
  let fake: Awaited<ReturnType<typeof startFakeGemini>>;
  beforeAll(async () => {
    fake = await startFakeGemini();
  });
  afterAll(() => fake.stop());

  it('embeds rows through the REST API, records its model, and leaves rows for the backfill when it fails', async () => {
    const config = parseConfig({
      GEMINI_API_KEY: 'test-key',
      JOBMATCH_GEMINI_BASE_URL: fake.baseUrl,
      JOBMATCH_GEMINI_MODEL: 'gemini-embedding-001',
    });
    const provider = await createEmbeddingProvider({ ...config.embeddings, maxAttempts: 1 });
    expect(provider.modelId).toBe(`gemini:gemini-embedding-001@${EMBEDDING_DIMENSIONS}`);
    const database = await createTestDatabase();
    try {
      await database.sql.query(
        `INSERT INTO global_roles (name, aliases) VALUES ('Java Developer', '{J2EE Developer}'), ('Data Engineer', '{}')`,
      );
      fake.state.failWith = 503;
      const failed = await embedMissing(database, provider, { table: 'global_roles' });
      expect(failed).toMatchObject({ embedded: 0, remaining: 2, error: expect.any(String) });

      fake.state.failWith = 0;
      await runEmbeddingBackfill({ database, embeddings: provider, logger: silentLogger });
      const { rows } = await database.sql.query<{ embedding_model: string; norm: number }>(
        `SELECT embedding_model, vector_norm(embedding) AS norm FROM global_roles ORDER BY id`,
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.embedding_model).toBe(provider.modelId);
        expect(row.norm).toBeCloseTo(1, 4);
      }
    } finally {
      await database.close();
    }
  });
});
