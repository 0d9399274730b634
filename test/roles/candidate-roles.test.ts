import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { mergeRoles } from '../../src/roles/merge-roles.js';
import { normalizeRole } from '../../src/roles/normalize-role.js';
import {
  afterCandidatesDeleted,
  recountRoleCandidates,
  roleIdsOfCandidates,
} from '../../src/roles/role-candidate-counts.js';
import { setCandidateRoles } from '../../src/roles/set-candidate-roles.js';
import { claimNextRole } from '../../src/scraper/claim-next-role.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createScraperKey } from '../support/scraper-fixtures.js';
import { createCandidates, type SwitchableProvider, seedTestRoles, switchableProvider } from './helpers.js';

describe('candidate roles and exact candidate counts', () => {
  let database: TestDatabase;
  let provider: SwitchableProvider;
  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await switchableProvider();
    await seedTestRoles(database, provider);
  });
  afterAll(() => database.close());

  const roleByName = async (name: string) =>
    (
      await database.sql.query<{ id: number; candidate_count: number; queue_status: string }>(
        'SELECT id, candidate_count, queue_status FROM global_roles WHERE name = $1',
        [name],
      )
    ).rows[0]!;
  const links = async (candidateId: number) =>
    (
      await database.sql.query<{ name: string; input_text: string; match_method: string }>(
        `SELECT g.name, l.input_text, l.match_method FROM candidate_global_roles l
         JOIN global_roles g ON g.id = l.global_role_id WHERE l.candidate_id = $1 ORDER BY g.name`,
        [candidateId],
      )
    ).rows;
  const set = (tenantId: number, candidateId: number, roles: string[]) =>
    database.transaction((tx) => setCandidateRoles(tx, provider, tenantId, candidateId, roles));

  it('links, changes and removes roles with exact counts; 0 → 1 puts the role in the queue', async () => {
    const { tenantId, candidateIds } = await createCandidates(database, 3);
    const [a, b, c] = candidateIds as [number, number, number];
    await database.sql.query(
      `UPDATE global_roles SET queue_status = 'completed' WHERE name = 'Python Developer'`,
    );

    await set(tenantId, a, ['Sr Python Dev', 'python engineer II', 'Java Developer']);
    expect(await links(a)).toEqual([
      { name: 'Java Developer', input_text: 'Java Developer', match_method: 'exact' },
      { name: 'Python Developer', input_text: 'Sr Python Dev', match_method: expect.any(String) },
    ]);
    expect(await roleByName('Python Developer')).toMatchObject({
      candidate_count: 1,
      queue_status: 'pending',
    });

    await set(tenantId, b, ['Pyhton developer']);
    await set(tenantId, c, ['Python Developer', 'Data Engineer']);
    expect((await roleByName('Python Developer')).candidate_count).toBe(3);

    await database.sql.query(
      `UPDATE global_roles SET queue_status = 'processing' WHERE name = 'Data Engineer'`,
    );
    await set(tenantId, c, ['Data Engineer']);
    expect((await roleByName('Python Developer')).candidate_count).toBe(2);
    expect(await roleByName('Data Engineer')).toMatchObject({
      candidate_count: 1,
      queue_status: 'processing',
    });

    await set(tenantId, a, []);
    expect((await roleByName('Python Developer')).candidate_count).toBe(1);
    expect((await roleByName('Java Developer')).candidate_count).toBe(0);
    expect(await recountRoleCandidates(database)).toEqual([]);
  });

  it('counts links of every tenant when run as the application role under row-level security', async () => {
    const first = await createCandidates(database, 1);
    const second = await createCandidates(database, 1);
    const before = (await roleByName('Business Analyst')).candidate_count;
    for (const { tenantId, candidateIds } of [first, second]) {
      await database.transaction(async (tx) => {
        await tx.sql.query('SET LOCAL ROLE jobmatch_app');
        await tx.sql.query(`SELECT set_config('jobmatch.tenant_id', $1, true)`, [String(tenantId)]);
        await setCandidateRoles(tx, provider, tenantId, candidateIds[0]!, ['Sr Business Analyst']);
      });
    }
    expect((await roleByName('Business Analyst')).candidate_count).toBe(before + 2);
  });

  it('recounts after candidates are deleted (FK cascade removes the links)', async () => {
    const { tenantId, candidateIds } = await createCandidates(database, 2);
    for (const id of candidateIds) await set(tenantId, id, ['QA Automation Engineer']);
    const qa = await roleByName('QA Automation Engineer');
    expect(qa.candidate_count).toBeGreaterThanOrEqual(2);
    await database.transaction(async (tx) => {
      const roleIds = await roleIdsOfCandidates(tx, candidateIds);
      await tx.sql.query('DELETE FROM candidates WHERE id = ANY($1::int[])', [candidateIds]);
      await afterCandidatesDeleted(tx, roleIds);
    });
    expect((await roleByName('QA Automation Engineer')).candidate_count).toBe(qa.candidate_count - 2);
    expect(await recountRoleCandidates(database)).toEqual([]);
  });

  it('rejects invalid role texts without linking or creating anything', async () => {
    const { tenantId, candidateIds } = await createCandidates(database, 1);
    const before = (await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM global_roles'))
      .rows[0]!.n;
    const error = await set(tenantId, candidateIds[0]!, ['Totally New Widget Engineer', '🚀']).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors).toEqual([{ field: 'preferred_roles.1', message: expect.any(String) }]);
    const after = (await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM global_roles'))
      .rows[0]!.n;
    expect(after).toBe(before);
  });

  it("refuses another tenant's candidate", async () => {
    const { candidateIds } = await createCandidates(database, 1);
    const other = await createCandidates(database, 1);
    await expect(set(other.tenantId, candidateIds[0]!, ['Java Developer'])).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('check reports and repairs drift', async () => {
    await database.sql.query(`UPDATE global_roles SET candidate_count = 42 WHERE name = 'Scrum Master'`);
    const drift = await recountRoleCandidates(database);
    expect(drift).toEqual([expect.objectContaining({ name: 'Scrum Master', stored: 42, actual: 0 })]);
    expect(await recountRoleCandidates(database)).toEqual([]);
  });

  it('merges roles: links move without duplicates, aliases and history follow, counts stay exact', async () => {
    const { tenantId, candidateIds } = await createCandidates(database, 3);
    const [a, b, c] = candidateIds as [number, number, number];
    await set(tenantId, a, ['Django Specialist Wizard']);
    const source = (await links(a))[0]!.name;
    const sourceRole = await roleByName(source);
    await set(tenantId, b, ['Django Specialist Wizard', 'Python Developer']);
    await set(tenantId, c, ['Python Developer']);
    const target = await roleByName('Python Developer');
    const { rows: keyRows } = await database.sql.query<{ id: number }>(
      `INSERT INTO scraper_api_keys (key_hash, name) VALUES ('h-merge', 'k') RETURNING id`,
    );
    await database.sql.query(
      `INSERT INTO scrape_sessions (session_id, scraper_key_id, global_role_id, role_name, started_at)
       VALUES (gen_random_uuid(), $1, $2, $3, now())`,
      [keyRows[0]!.id, sourceRole.id, source],
    );

    const result = await mergeRoles(database, provider, sourceRole.id, target.id);
    expect(result.moved).toMatchObject({ candidateLinks: 1, scrapeSessions: 1 });
    expect(result.role.candidate_count).toBe(target.candidate_count + 1);
    expect(result.role.aliases).toContain(source);
    expect(await roleByName(source)).toBeUndefined();
    expect((await links(b)).map((l) => l.name)).toEqual(['Python Developer']);
    expect(await recountRoleCandidates(database)).toEqual([]);
    const { rows: sessions } = await database.sql.query<{ global_role_id: number; role_name: string }>(
      'SELECT global_role_id, role_name FROM scrape_sessions',
    );
    expect(sessions).toEqual([{ global_role_id: target.id, role_name: source }]);
  });

  it('merges roles: only names that mean the target stay as its aliases; links and counts move all the same', async () => {
    const { candidateIds } = await createCandidates(database, 3);
    const addRole = async (name: string, aliases: string[], candidateId: number) => {
      const { rows } = await database.sql.query<{ id: number }>(
        `INSERT INTO global_roles (name, aliases, canonical) VALUES ($1, $2, false) RETURNING id`,
        [name, aliases],
      );
      await database.sql.query(
        `INSERT INTO candidate_global_roles (candidate_id, global_role_id, input_text, match_method, confidence)
         VALUES ($1, $2, $3, 'exact', 1)`,
        [candidateId, rows[0]!.id, name],
      );
      return rows[0]!.id;
    };
    const [a, b, c] = candidateIds as [number, number, number];
    const clean = await addRole('Python Software Developer', ['Python Programmer', 'Data Scientist'], a);
    const noisy = await addRole('Senior Data Engineer (Kafka, Spark) Remote', [], b);
    const otherSpecialty = await addRole('Kotlin Backend Developer', [], c);
    await recountRoleCandidates(database);
    const python = await roleByName('Python Developer');
    const dataEngineer = await roleByName('Data Engineer');

    const kept = await mergeRoles(database, provider, clean, python.id);
    expect(kept.moved).toMatchObject({ candidateLinks: 1 });
    expect(kept.role.candidate_count).toBe(python.candidate_count + 1);
    expect(kept.role.aliases).toEqual(
      expect.arrayContaining(['Python Software Developer', 'Python Programmer']),
    );
    // An alias of the source that names another specialty does not follow it.
    expect(kept.role.aliases).not.toContain('Data Scientist');

    const noise = await mergeRoles(database, provider, noisy, dataEngineer.id);
    expect(noise.moved).toMatchObject({ candidateLinks: 1 });
    expect(noise.role.candidate_count).toBe(dataEngineer.candidate_count + 1);
    expect(noise.role.aliases).not.toContain('Senior Data Engineer (Kafka, Spark) Remote');

    const other = await mergeRoles(database, provider, otherSpecialty, python.id);
    expect(other.moved).toMatchObject({ candidateLinks: 1 });
    expect(other.role.candidate_count).toBe(python.candidate_count + 2);
    expect(other.role.aliases).not.toContain('Kotlin Backend Developer');
    expect((await links(c)).map((l) => l.name)).toEqual(['Python Developer']);
    expect(await recountRoleCandidates(database)).toEqual([]);
  });

  it('puts a role outside IT in the scrape queue only while a candidate wants it', async () => {
    const { key } = await createScraperKey(database, 'outside-it');
    const claimNonIt = async () => {
      const claimed = await claimNextRole(database, key);
      if (claimed)
        await database.sql.query(`UPDATE global_roles SET queue_status = 'completed' WHERE id = $1`, [
          claimed.role.id,
        ]);
      return claimed?.role.category ?? null;
    };
    await database.sql.query(`UPDATE global_roles SET queue_status = 'completed'`);
    // Created by an admin's normalize --create, wanted by nobody: never claimed.
    const made = await database.transaction((tx) =>
      normalizeRole(tx, provider, 'Structural Civil Engineer', { create: true }),
    );
    const role = await database.sql.query<{
      category: string | null;
      candidate_count: number;
      queue_status: string;
    }>('SELECT category, candidate_count, queue_status FROM global_roles WHERE id = $1', [made.role!.id]);
    expect(role.rows[0]).toMatchObject({ category: 'non-it', candidate_count: 0 });
    await database.sql.query(`UPDATE global_roles SET queue_status = 'pending' WHERE id = $1`, [
      made.role!.id,
    ]);
    expect(await claimNonIt()).toBeNull();

    const { tenantId, candidateIds } = await createCandidates(database, 1);
    await set(tenantId, candidateIds[0]!, ['Structural Civil Engineer']);
    expect(await claimNonIt()).toBe('non-it');
    await set(tenantId, candidateIds[0]!, []);
    await database.sql.query(`UPDATE global_roles SET queue_status = 'pending' WHERE id = $1`, [
      made.role!.id,
    ]);
    expect(await claimNonIt()).toBeNull();
  });
});
