import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import type { Principal } from '../../src/http/auth/principal.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createCandidates, type SwitchableProvider, seedTestRoles, switchableProvider } from './helpers.js';

const ADMIN: Principal = { userId: 1, email: 'a@x', role: 'PM_ADMIN', tenantId: null, sessionId: 's' };

describe('admin roles API', () => {
  let database: TestDatabase;
  let provider: SwitchableProvider;
  let app: App;
  /** Who the test's stand-in for the session hook signs in; undefined: nobody. */
  let principal: Principal | undefined = ADMIN;

  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await switchableProvider();
    await seedTestRoles(database, provider);
    await database.sql.query(
      `INSERT INTO users (id, email, password_hash, role) VALUES (1, 'a@x', 'x', 'PM_ADMIN')`,
    );
    app = await buildApp({ database, logger: silentLogger, embeddings: provider });
    app.addHook('onRequest', async (request) => {
      if (principal) request.principal = principal;
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, ...(payload ? { payload } : {}) });

  it('refuses callers without a session (401) and non-admins (403)', async () => {
    principal = undefined;
    expect((await call('GET', '/api/admin/roles')).statusCode).toBe(401);
    principal = { ...ADMIN, role: 'RECRUITER', tenantId: 1 };
    const forbidden = await call('POST', '/api/admin/roles/normalize', { text: 'Java Developer' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    principal = ADMIN;
  });

  it('lists and searches roles by name or alias, with counts and queue status', async () => {
    const all = await call('GET', '/api/admin/roles?limit=5');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 110, limit: 5, offset: 0 });
    expect(all.json().items).toHaveLength(5);
    const search = await call('GET', '/api/admin/roles?q=pyth');
    expect(search.json().items.map((r: { name: string }) => r.name)).toContain('Python Developer');
    expect(search.json().items[0]).toMatchObject({
      candidate_count: 0,
      queue_status: 'pending',
      has_embedding: true,
    });
  });

  it('normalizes without linking', async () => {
    const response = await call('POST', '/api/admin/roles/normalize', { text: 'Sr Python Dev' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      role: { name: 'Python Developer' },
      method: expect.any(String),
      seniority: 'senior',
    });
    const invalid = await call('POST', '/api/admin/roles/normalize', { text: '🚀' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('renames, edits aliases, category and priority', async () => {
    const { items } = (await call('GET', '/api/admin/roles?q=Scrum%20Master')).json();
    const id = items[0].id as number;
    const renamed = await call('PATCH', `/api/admin/roles/${id}`, {
      name: 'Scrum Master / Agile Coach',
      category: 'Agile',
      priority: 'high',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Scrum Master / Agile Coach',
      category: 'Agile',
      priority: 'high',
    });
    expect(renamed.json().aliases).toContain('Scrum Master');

    const added = await call('POST', `/api/admin/roles/${id}/aliases`, { alias: 'Certified Scrum Master' });
    expect(added.json().aliases).toContain('Certified Scrum Master');
    // Aliases must mean the role by their parsed parts: no bare role noun, no title naming no role.
    for (const alias of ['Engineer', 'Iteration Facilitator', 'Scrum Master (Remote)']) {
      const refused = await call('POST', `/api/admin/roles/${id}/aliases`, { alias });
      expect(refused.statusCode, alias).toBe(400);
      expect(refused.json().errors[0].field).toBe('alias');
    }
    const clash = await call('POST', `/api/admin/roles/${id}/aliases`, { alias: 'Java Developer' });
    expect(clash.statusCode).toBe(409);
    const removed = await call(
      'DELETE',
      `/api/admin/roles/${id}/aliases/${encodeURIComponent('Certified Scrum Master')}`,
    );
    expect(removed.json().aliases).not.toContain('Certified Scrum Master');
    expect((await call('DELETE', `/api/admin/roles/${id}/aliases/nothing-here`)).statusCode).toBe(404);
    expect((await call('GET', '/api/admin/roles/999999')).statusCode).toBe(404);
  });

  it('keeps the old name as an alias on rename only when it means the renamed role', async () => {
    const insert = async (name: string) =>
      (
        await database.sql.query<{ id: number }>(
          `INSERT INTO global_roles (name, canonical) VALUES ($1, false) RETURNING id`,
          [name],
        )
      ).rows[0]!.id;
    const rename = async (id: number, name: string) => {
      const response = await call('PATCH', `/api/admin/roles/${id}`, { name });
      expect(response.statusCode, name).toBe(200);
      return response.json().aliases as string[];
    };
    expect(await rename(await insert('Elixir Developer'), 'Elixir Software Developer')).toContain(
      'Elixir Developer',
    );
    expect(
      await rename(await insert('Senior Data Engineer (Kafka, Spark) Remote'), 'Streaming Data Engineer'),
    ).not.toContain('Senior Data Engineer (Kafka, Spark) Remote');
    expect(await rename(await insert('Kotlin Backend Developer'), 'Scala Backend Developer')).not.toContain(
      'Kotlin Backend Developer',
    );
  });

  it('renames and sets the priority in one transaction, with no write outside it', async () => {
    const { items } = (await call('GET', '/api/admin/roles?q=Data%20Engineer')).json();
    const id = items[0].id as number;
    const transactions = vi.spyOn(database, 'transaction');
    const outside = vi.spyOn(database.sql, 'query');
    try {
      const edited = await call('PATCH', `/api/admin/roles/${id}`, {
        name: 'Data Platform Engineer',
        priority: 'urgent',
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({
        name: 'Data Platform Engineer',
        priority: 'urgent',
        has_embedding: true,
      });
      expect(transactions).toHaveBeenCalledTimes(1);
      const writes = outside.mock.calls.filter(([text]) =>
        /^\s*(INSERT|UPDATE|DELETE)\b/i.test(String(text)),
      );
      expect(writes).toEqual([]);
    } finally {
      transactions.mockRestore();
      outside.mockRestore();
    }
  });

  it('merges two roles over HTTP', async () => {
    const find = async (q: string) =>
      (await call('GET', `/api/admin/roles?q=${encodeURIComponent(q)}`)).json().items[0];
    const source = (
      await call('POST', '/api/admin/roles/normalize', { text: 'Zeppelin Pilot', create: true })
    ).json();
    const target = await find('Python Developer');
    const merged = await call('POST', '/api/admin/roles/merge', {
      source_id: source.role.id,
      target_id: target.id,
    });
    expect(merged.statusCode).toBe(200);
    // "Zeppelin Pilot" does not mean Python Developer, so it does not become its alias.
    expect(merged.json().role.aliases).not.toContain('Zeppelin Pilot');
    expect((await call('GET', `/api/admin/roles/${source.role.id}`)).statusCode).toBe(404);
    const self = await call('POST', '/api/admin/roles/merge', { source_id: target.id, target_id: target.id });
    expect(self.statusCode).toBe(400);
  });

  it('recruiters report wrong mappings; admins list and close them', async () => {
    const { tenantId, candidateIds } = await createCandidates(database, 1);
    principal = { ...ADMIN, userId: 1, role: 'RECRUITER', tenantId };
    const reported = await call('POST', '/api/roles/reports', {
      input_text: 'Data Warehousing Engineer',
      candidate_id: candidateIds[0],
      suggested_role_name: 'Data Warehouse Developer',
    });
    expect(reported.statusCode).toBe(201);
    const otherTenant = await call('POST', '/api/roles/reports', { input_text: 'x y', candidate_id: 999999 });
    expect(otherTenant.statusCode).toBe(404);
    principal = ADMIN;
    expect((await call('POST', '/api/roles/reports', { input_text: 'Java Dev' })).statusCode).toBe(403);

    const open = await call('GET', '/api/admin/role-reports?status=open');
    expect(open.json()).toMatchObject({
      total: 1,
      items: [{ input_text: 'Data Warehousing Engineer', tenant_id: tenantId }],
    });
    const id = open.json().items[0].id;
    const closed = await call('PATCH', `/api/admin/role-reports/${id}`, { status: 'resolved' });
    expect(closed.json()).toMatchObject({ status: 'resolved', resolved_by: 1 });
    expect((await call('PATCH', `/api/admin/role-reports/${id}`, { status: 'dismissed' })).statusCode).toBe(
      409,
    );
  });
});
