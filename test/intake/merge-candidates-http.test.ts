import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('merging duplicate candidates', () => {
  let database: TestDatabase;
  let app: App;
  let a: LoggedIn;
  let b: LoggedIn;
  let jobs: number[];
  let roles: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, queue: { send: async () => null } });
    a = await loginAs(app, (await createTenantWithUsers(database, 'Merge A')).recruiter.email);
    b = await loginAs(app, (await createTenantWithUsers(database, 'Merge B')).recruiter.email);
    jobs = (
      await database.sql.query<{ id: number }>(
        `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'm1', 'A'), ('x', 'm2', 'B'), ('x', 'm3', 'C') RETURNING id`,
      )
    ).rows.map((row) => row.id);
    roles = (
      await database.sql.query<{ id: number }>(
        `INSERT INTO global_roles (name) VALUES ('Merge Role 1'), ('Merge Role 2') RETURNING id`,
      )
    ).rows.map((row) => row.id);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const create = async (payload: object) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/candidates?allow_duplicate=true',
        headers: a.headers,
        payload,
      })
    ).json().id as number;

  const stateOf = async (id: number) =>
    (
      await database.sql.query(
        `SELECT (SELECT array_agg(job_posting_id ORDER BY job_posting_id) FROM candidate_job_matches WHERE candidate_id = $1) AS matches,
                (SELECT array_agg(job_posting_id ORDER BY job_posting_id) FROM job_applications WHERE candidate_id = $1) AS applications,
                (SELECT array_agg(global_role_id ORDER BY global_role_id) FROM candidate_global_roles WHERE candidate_id = $1) AS roles,
                (SELECT count(*)::int FROM candidate_status_changes WHERE candidate_id = $1) AS history,
                (SELECT phone FROM candidates WHERE id = $1) AS phone`,
        [id],
      )
    ).rows[0];

  it('moves everything to the kept candidate without duplicate pairs, and undo restores both', async () => {
    const kept = await create({ first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com' });
    const merged = await create({
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann.lee@example.com',
      phone: '+1 415 555 0100',
    });
    const insertMatch = (candidate: number, job: number, score: number) =>
      database.sql.query(
        `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score) VALUES ($1, $2, $3)`,
        [candidate, job, score],
      );
    await insertMatch(kept, jobs[0]!, 70);
    await insertMatch(merged, jobs[0]!, 60); // same job: dropped, no duplicate pair
    await insertMatch(merged, jobs[1]!, 55);
    await database.sql.query(
      `INSERT INTO job_applications (candidate_id, job_posting_id) VALUES ($1, $2), ($3, $4)`,
      [kept, jobs[2], merged, jobs[1]],
    );
    await database.sql.query(
      `INSERT INTO candidate_global_roles (candidate_id, global_role_id) VALUES ($1, $2), ($3, $2), ($3, $4)`,
      [kept, roles[0], merged, roles[1]],
    );
    const before = { kept: await stateOf(kept), merged: await stateOf(merged) };

    const response = await app.inject({
      method: 'POST',
      url: `/api/candidates/${kept}/merge`,
      headers: a.headers,
      payload: { duplicate_id: merged },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { merge_id } = response.json();
    expect(await stateOf(kept)).toEqual({
      matches: [jobs[0], jobs[1]],
      applications: [jobs[1], jobs[2]].sort((x, y) => x! - y!),
      roles: [roles[0], roles[1]],
      history: 2,
      phone: '+1 415 555 0100',
    });
    expect(
      (await app.inject({ method: 'GET', url: `/api/candidates/${merged}`, headers: a.headers })).statusCode,
    ).toBe(404);
    const count = await database.sql.query<{ candidate_count: number }>(
      `SELECT candidate_count FROM global_roles WHERE id = $1`,
      [roles[0]],
    );
    expect(count.rows[0]!.candidate_count).toBe(1);

    // Another agency can neither merge nor undo.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/candidate-merges/${merge_id}/undo`,
          headers: b.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/candidates/${kept}/merge`,
          headers: b.headers,
          payload: { duplicate_id: merged },
        })
      ).statusCode,
    ).toBe(404);

    const undo = await app.inject({
      method: 'POST',
      url: `/api/candidate-merges/${merge_id}/undo`,
      headers: a.headers,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ restored_candidate_id: merged });
    expect({ kept: await stateOf(kept), merged: await stateOf(merged) }).toEqual(before);
    const counts = await database.sql.query<{ candidate_count: number }>(
      `SELECT candidate_count FROM global_roles WHERE id = $1`,
      [roles[0]],
    );
    expect(counts.rows[0]!.candidate_count).toBe(2);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/candidate-merges/${merge_id}/undo`,
          headers: a.headers,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('refuses an undo after 30 days', async () => {
    const kept = await create({ first_name: 'Bo', last_name: 'Ng', email: 'bo@example.com' });
    const merged = await create({ first_name: 'Bo', last_name: 'Ng', email: 'bo2@example.com' });
    const { merge_id } = (
      await app.inject({
        method: 'POST',
        url: `/api/candidates/${kept}/merge`,
        headers: a.headers,
        payload: { duplicate_id: merged },
      })
    ).json();
    await database.sql.query(
      `UPDATE candidate_merges SET merged_at = now() - interval '31 days' WHERE id = $1`,
      [merge_id],
    );
    const undo = await app.inject({
      method: 'POST',
      url: `/api/candidate-merges/${merge_id}/undo`,
      headers: a.headers,
    });
    expect(undo.statusCode).toBe(422);
  });

  it('restores the merged candidate\'s "not a duplicate" decisions on undo', async () => {
    const kept = await create({ first_name: 'Nora', last_name: 'Quist', email: 'nora@q.test' });
    const merged = await create({ first_name: 'Nora', last_name: 'Quist', email: 'nora.q@q.test' });
    const other = await create({ first_name: 'Nora', last_name: 'Quist', email: 'n.quist@q.test' });
    const dismissed = await app.inject({
      method: 'POST',
      url: `/api/candidates/${merged}/not-duplicate`,
      headers: a.headers,
      payload: { other_id: other },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(204);
    const dismissals = () =>
      database.sql
        .query<{ pair: number[] }>(
          `SELECT ARRAY[candidate_id, other_candidate_id] AS pair FROM candidate_duplicate_dismissals
            WHERE $1 IN (candidate_id, other_candidate_id)`,
          [merged],
        )
        .then((result) => result.rows.map((row) => row.pair));
    const before = await dismissals();
    expect(before).toHaveLength(1);
    const merge = await app.inject({
      method: 'POST',
      url: `/api/candidates/${kept}/merge`,
      headers: a.headers,
      payload: { duplicate_id: merged },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(await dismissals()).toEqual([]);
    const undo = await app.inject({
      method: 'POST',
      url: `/api/candidate-merges/${merge.json().merge_id}/undo`,
      headers: a.headers,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await dismissals()).toEqual(before);
  });
});
