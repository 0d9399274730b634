import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renormalizeRoles } from '../../src/roles/renormalize-roles.js';
import { recountRoleCandidates } from '../../src/roles/role-candidate-counts.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createCandidates, type SwitchableProvider, seedTestRoles, switchableProvider } from './helpers.js';

describe('renormalizeRoles', () => {
  let database: TestDatabase;
  let provider: SwitchableProvider;
  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await switchableProvider();
    await seedTestRoles(database, provider);
  });
  afterAll(() => database.close());

  const countOf = async (name: string) =>
    (
      await database.sql.query<{ candidate_count: number }>(
        'SELECT candidate_count FROM global_roles WHERE name = $1',
        [name],
      )
    ).rows[0]?.candidate_count;

  it('proposes merging a noisy role created on the fly, and merges it with exact counts', async () => {
    const { candidateIds } = await createCandidates(database, 2);
    const { rows } = await database.sql.query<{ id: number }>(
      `INSERT INTO global_roles (name, canonical, candidate_count) VALUES ('Senior Data Engineer Kafka Spark', false, 2)
       RETURNING id`,
    );
    const noisy = rows[0]!.id;
    const dataEngineer = (
      await database.sql.query<{ id: number }>(`SELECT id FROM global_roles WHERE name = 'Data Engineer'`)
    ).rows[0]!.id;
    await database.sql.query(
      `INSERT INTO candidate_global_roles (candidate_id, global_role_id) VALUES ($1, $3), ($2, $3), ($1, $4)`,
      [candidateIds[0], candidateIds[1], noisy, dataEngineer],
    );
    await recountRoleCandidates(database, { fix: true });
    const before = await countOf('Data Engineer');

    const dryRun = await renormalizeRoles(database, provider);
    expect(dryRun.merged).toBe(0);
    expect(dryRun.proposals).toEqual([
      expect.objectContaining({ sourceId: noisy, targetName: 'Data Engineer' }),
    ]);

    const applied = await renormalizeRoles(database, provider, { apply: true });
    expect(applied.merged).toBe(1);
    expect(await countOf('Senior Data Engineer Kafka Spark')).toBeUndefined();
    // Candidate 0 was linked to both: it counts once.
    expect(await countOf('Data Engineer')).toBe(before! + 1);
    expect(await recountRoleCandidates(database)).toEqual([]);
    expect((await renormalizeRoles(database, provider)).proposals).toEqual([]);
  });
});
