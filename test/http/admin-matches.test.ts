import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { type App, buildApp } from '../../src/http/app.js';
import { createCandidate, createJob, createRole } from '../matching/fixtures.js';
import { createTenantWithUsers, createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('match drift: admin API and jobmatch matches check', () => {
  let database: TestDatabase;
  let app: App;
  let adminHeaders: Record<string, string>;
  let recruiterHeaders: Record<string, string>;
  let tenantAdminHeaders: Record<string, string>;
  let tenantId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      matching: { floor: 0, bestN: 50, vectorTopK: 0 },
    });
    const admin = await createTestUser(database, { role: 'PM_ADMIN', tenantId: null });
    adminHeaders = (await loginAs(app, admin.email)).headers;
    const agency = await createTenantWithUsers(database);
    tenantId = agency.tenant.id;
    recruiterHeaders = (await loginAs(app, agency.recruiter.email)).headers;
    tenantAdminHeaders = (await loginAs(app, agency.admin.email)).headers;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('reports missing and unexpected matches, repairs them, then reports none; admins only', async () => {
    const role = await createRole(database, 'Drift Role');
    const candidate = await createCandidate(database, tenantId, { roleIds: [role] });
    const due = await createJob(database, { roleId: role });
    const unrelated = await createJob(database, {});
    // A stored pair that is not due, and the due pair never scored.
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, status) VALUES ($1, $2, 55, 'suggested')`,
      [candidate, unrelated],
    );

    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/matches/check', headers: recruiterHeaders }))
        .statusCode,
    ).toBe(403);
    const check = await app.inject({ method: 'GET', url: '/api/admin/matches/check', headers: adminHeaders });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      missing: 1,
      unexpected: 1,
      drifted_candidates: [candidate],
      repaired: false,
    });
    expect(check.json().samples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ job_posting_id: due, kind: 'missing' }),
        expect.objectContaining({ job_posting_id: unrelated, kind: 'unexpected' }),
      ]),
    );

    const repair = await app.inject({
      method: 'POST',
      url: '/api/admin/matches/repair',
      headers: adminHeaders,
    });
    expect(repair.json()).toMatchObject({ repaired: true, drifted_candidates: [candidate] });
    const after = await app.inject({ method: 'GET', url: '/api/admin/matches/check', headers: adminHeaders });
    expect(after.json()).toMatchObject({ missing: 0, unexpected: 0, outdated: 0, drifted_candidates: [] });
    const { rows } = await database.sql.query<{ job_posting_id: number }>(
      'SELECT job_posting_id FROM candidate_job_matches WHERE candidate_id = $1',
      [candidate],
    );
    expect(rows.map((r) => r.job_posting_id)).toEqual([due]);
  });

  it('tenant settings carry the list size and floor; bad values are 422/400', async () => {
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: tenantAdminHeaders,
      payload: { match_list_size: 20, match_floor: 45 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ match_list_size: 20, match_floor: 45 });
    const reset = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: tenantAdminHeaders,
      payload: { match_list_size: null },
    });
    expect(reset.json()).toMatchObject({ match_list_size: null, match_floor: 45 });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/tenant/settings',
      headers: tenantAdminHeaders,
      payload: { match_list_size: 5000 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('jobmatch matches check prints the drift and --repair fixes it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-matches-'));
    try {
      const config = parseConfig({ JOBMATCH_DATA_DIR: dir });
      const out: string[] = [];
      const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
      expect(await runCli(['migrate'], io, () => config)).toBe(0);
      out.length = 0;
      expect(await runCli(['matches', 'check'], io, () => config)).toBe(0);
      expect(out.join('\n')).toMatch(/0 candidate\(s\) checked/);
      expect(await runCli(['matches', 'check', '--repair', '--json'], io, () => config)).toBe(0);
      expect(JSON.parse(out.at(-1)!)).toMatchObject({ drifted_candidates: [], repaired: false });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
