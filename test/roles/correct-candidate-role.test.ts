import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateRepository } from '../../src/db/repositories/candidate.repository.js';
import type { EmbeddingProvider } from '../../src/embeddings/embedding-provider.js';
import { createLocalEmbeddingProvider } from '../../src/embeddings/local-provider.js';
import { type App, buildApp } from '../../src/http/app.js';
import { correctRoleOfCandidate } from '../../src/roles/role-corrections.js';
import { setCandidateRoles } from '../../src/roles/set-candidate-roles.js';
import { createTenantWithUsers, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { seedTestRoles } from './helpers.js';

describe('a recruiter corrects a preferred role mapping', () => {
  let database: TestDatabase;
  let provider: EmbeddingProvider;
  let app: App;
  let recruiter: Record<string, string>;
  let otherAgency: Record<string, string>;
  let tenantId: number;
  let candidateId: number;

  const roleId = async (name: string) =>
    (await database.sql.query<{ id: number }>('SELECT id FROM global_roles WHERE name = $1', [name])).rows[0]!
      .id;
  const count = async (id: number) =>
    (
      await database.sql.query<{ n: number }>('SELECT candidate_count AS n FROM global_roles WHERE id = $1', [
        id,
      ])
    ).rows[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await createLocalEmbeddingProvider();
    await seedTestRoles(database, provider);
    app = await buildApp({ database, logger: silentLogger });
    const agency = await createTenantWithUsers(database);
    tenantId = agency.tenant.id;
    recruiter = (await loginAs(app, agency.recruiter.email)).headers;
    otherAgency = (await loginAs(app, (await createTenantWithUsers(database)).recruiter.email)).headers;
    candidateId = (
      await candidateRepository(database).create(tenantId, {
        first_name: 'Ines',
        last_name: 'Ortega',
        email: 'ines@example.test',
        preferred_roles: ['Python Engineer'],
      })
    ).id;
    await database.transaction((tx) =>
      setCandidateRoles(tx, provider, tenantId, candidateId, ['Python Engineer']),
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('moves the link to the chosen role, keeps counts exact, files a report, and survives later profile edits', async () => {
    const python = await roleId('Python Developer');
    const dataEngineer = await roleId('Data Engineer');
    const before = { python: await count(python), data: await count(dataEngineer) };

    const put = (headers: Record<string, string>, body: object) =>
      app.inject({ method: 'PUT', url: `/api/candidates/${candidateId}/roles`, headers, payload: body });
    expect(
      (await put(otherAgency, { input_text: 'Python Engineer', global_role_id: dataEngineer })).statusCode,
    ).toBe(404);
    expect((await put(recruiter, { input_text: 'Nurse', global_role_id: dataEngineer })).statusCode).toBe(
      404,
    );
    expect(
      (await put(recruiter, { input_text: 'Python Engineer', global_role_id: 999_999 })).statusCode,
    ).toBe(404);
    expect(
      (await put(recruiter, { input_text: 'Python Engineer', global_role_id: dataEngineer, tenant_id: 1 }))
        .statusCode,
    ).toBe(400);

    const response = await put(recruiter, { input_text: 'python engineer', global_role_id: dataEngineer });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      previous_role: { id: python, name: 'Python Developer' },
      role: { id: dataEngineer, name: 'Data Engineer' },
    });
    expect(await count(python)).toBe(before.python - 1);
    expect(await count(dataEngineer)).toBe(before.data + 1);
    const { rows: reports } = await database.sql.query<{ suggested_role_name: string; status: string }>(
      'SELECT suggested_role_name, status FROM role_mapping_reports WHERE candidate_id = $1',
      [candidateId],
    );
    expect(reports).toEqual([{ suggested_role_name: 'Data Engineer', status: 'open' }]);

    // A later profile edit re-normalizes the preferred roles: the recruiter's choice stands.
    await database.transaction((tx) =>
      setCandidateRoles(tx, provider, tenantId, candidateId, ['Python Engineer', 'QA Automation Engineer']),
    );
    const { rows: links } = await database.sql.query<{ name: string; match_method: string }>(
      `SELECT r.name, l.match_method FROM candidate_global_roles l JOIN global_roles r ON r.id = l.global_role_id
       WHERE l.candidate_id = $1 ORDER BY r.name`,
      [candidateId],
    );
    expect(links).toEqual([
      { name: 'Data Engineer', match_method: 'manual' },
      { name: 'QA Automation Engineer', match_method: 'exact' },
    ]);
    expect(await count(python)).toBe(before.python - 1);
  });
});

describe('the role correction use case', () => {
  it('queues the candidate rescore in its own transaction, and none when the correction fails', async () => {
    const database = await createTestDatabase();
    try {
      const provider = await createLocalEmbeddingProvider();
      await seedTestRoles(database, provider);
      const { tenant } = await createTenantWithUsers(database);
      const candidate = await candidateRepository(database).create(tenant.id, {
        first_name: 'Uma',
        last_name: 'Usecase',
        email: 'uma@example.test',
        preferred_roles: ['Python Engineer'],
      });
      await database.transaction((tx) =>
        setCandidateRoles(tx, provider, tenant.id, candidate.id, ['Python Engineer']),
      );
      const sent: { name: string; data: object }[] = [];
      const queue = {
        send: async (name: string, data: object) => {
          sent.push({ name, data });
          return 'task';
        },
      };
      const dataEngineer = (
        await database.sql.query<{ id: number }>("SELECT id FROM global_roles WHERE name = 'Data Engineer'")
      ).rows[0]!.id;
      await expect(
        correctRoleOfCandidate(database, queue, tenant.id, candidate.id, {
          input_text: 'Nurse',
          global_role_id: dataEngineer,
          reported_by: null,
        }),
      ).rejects.toMatchObject({ code: 'not_found' });
      expect(sent).toEqual([]);
      await correctRoleOfCandidate(database, queue, tenant.id, candidate.id, {
        input_text: 'Python Engineer',
        global_role_id: dataEngineer,
        reported_by: null,
      });
      expect(sent).toEqual([
        { name: 'candidates/changed', data: { tenantId: tenant.id, candidateId: candidate.id } },
      ]);
    } finally {
      await database.close();
    }
  });
});

describe('role lookup for recruiters', () => {
  it('finds roles by name or alias, best prefix first; signed-out callers get 401', async () => {
    const database = await createTestDatabase();
    const provider = await createLocalEmbeddingProvider();
    await seedTestRoles(database, provider);
    const app = await buildApp({ database, logger: silentLogger });
    const { recruiter } = await createTenantWithUsers(database);
    const headers = (await loginAs(app, recruiter.email)).headers;
    const found = (await app.inject({ method: 'GET', url: '/api/roles?q=data%20eng', headers })).json();
    expect(found.items[0]).toMatchObject({ name: 'Data Engineer' });
    const byAlias = (await app.inject({ method: 'GET', url: '/api/roles?q=J2EE', headers })).json();
    expect(byAlias.items.map((role: { name: string }) => role.name)).toContain('Java Developer');
    const wildcard = (await app.inject({ method: 'GET', url: '/api/roles?q=%25', headers })).json();
    expect(wildcard.items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/roles?q=java' })).statusCode).toBe(401);
    await app.close();
    await database.close();
  });
});
