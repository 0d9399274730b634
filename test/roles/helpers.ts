import type { Database } from '../../src/db/database.js';
import {
  type EmbeddingProvider,
  EmbeddingProviderError,
  type EmbeddingPurpose,
} from '../../src/embeddings/embedding-provider.js';
import { createLocalEmbeddingProvider } from '../../src/embeddings/local-provider.js';
import { loadRoleSeed, seedRoles } from '../../src/roles/seed-roles.js';

/** The local provider, switchable into an outage; counts calls. */
export class SwitchableProvider implements EmbeddingProvider {
  failing = false;
  calls = 0;
  constructor(private readonly inner: EmbeddingProvider) {}
  get modelId() {
    return this.inner.modelId;
  }
  get maxBatchSize() {
    return this.inner.maxBatchSize;
  }
  async embed(texts: string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    this.calls += 1;
    if (this.failing) throw new EmbeddingProviderError('unavailable', 'embedding service unavailable');
    return this.inner.embed(texts, purpose);
  }
}

export async function switchableProvider(): Promise<SwitchableProvider> {
  return new SwitchableProvider(await createLocalEmbeddingProvider());
}

export async function seedTestRoles(database: Database, provider: EmbeddingProvider) {
  return seedRoles(database, provider, await loadRoleSeed());
}

let tenantCounter = 0;

/** A tenant with `count` candidates; returns their ids. */
export async function createCandidates(database: Database, count: number) {
  tenantCounter += 1;
  const { rows } = await database.sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ($1, $1) RETURNING id`,
    [`agency-${tenantCounter}-${Math.random().toString(36).slice(2, 8)}`],
  );
  const tenantId = rows[0]!.id;
  const { rows: candidates } = await database.sql.query<{ id: number }>(
    `INSERT INTO candidates (tenant_id, first_name, last_name, email)
     SELECT $1, 'First', 'Last ' || n, 'c' || n || '@example.com' FROM generate_series(1, $2) AS n
     RETURNING id`,
    [tenantId, count],
  );
  return { tenantId, candidateIds: candidates.map((row) => row.id) };
}
