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

  it('re-decides stored links from their text, keeps hand corrections, and keeps counts exact', async () => {
    const { candidateIds } = await createCandidates(database, 3);
    const idOf = async (name: string) =>
      (await database.sql.query<{ id: number }>('SELECT id FROM global_roles WHERE name = $1', [name]))
        .rows[0]!.id;
    const backend = await idOf('Backend Developer');
    const python = await idOf('Python Developer');
    // Links an older decider made: stack layer over language. Candidate 2 is already a Python Developer.
    await database.sql.query(
      `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence)
       VALUES ($1, $4, 'Senior Python Backend Developer (Remote)', 'fuzzy', 0.75),
              ($2, $4, 'Python Backend Developer', 'manual', 1),
              ($3, $4, 'Python Backend Engineer', 'fuzzy', 0.75),
              ($3, $5, 'Python Developer', 'exact', 1)`,
      [candidateIds[0], candidateIds[1], candidateIds[2], backend, python],
    );
    await recountRoleCandidates(database, { fix: true });
    const [backendBefore, pythonBefore] = [
      await countOf('Backend Developer'),
      await countOf('Python Developer'),
    ];

    const dryRun = await renormalizeRoles(database, provider);
    expect(dryRun.relinked).toBe(0);
    expect(dryRun.relinks.map((r) => [r.inputText, r.toName]).sort()).toEqual([
      ['Python Backend Engineer', 'Python Developer'],
      ['Senior Python Backend Developer (Remote)', 'Python Developer'],
    ]);

    const applied = await renormalizeRoles(database, provider, { apply: true });
    expect(applied.relinked).toBe(2);
    expect(await countOf('Backend Developer')).toBe(backendBefore! - 2);
    // Candidate 0 joins Python Developer; candidate 2 was there already and keeps one link.
    expect(await countOf('Python Developer')).toBe(pythonBefore! + 1);
    const { rows } = await database.sql.query<{ candidate_id: number; name: string; match_method: string }>(
      `SELECT l.candidate_id, g.name, l.match_method FROM candidate_global_roles l
       JOIN global_roles g ON g.id = l.global_role_id WHERE l.candidate_id = ANY($1::int[])
       ORDER BY l.candidate_id, g.name`,
      [candidateIds],
    );
    expect(rows.map((r) => [r.candidate_id, r.name, r.match_method])).toEqual([
      [candidateIds[0], 'Python Developer', 'fuzzy'],
      [candidateIds[1], 'Backend Developer', 'manual'],
      [candidateIds[2], 'Python Developer', 'exact'],
    ]);
    expect(await recountRoleCandidates(database)).toEqual([]);
    expect((await renormalizeRoles(database, provider)).relinks).toEqual([]);
  });
});
