import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { multipartBody } from '../support/multipart.js';

describe('candidates and applications', () => {
  let database: TestDatabase;
  let app: App;
  let recruiter: LoggedIn;
  const sent: { name: string; data: object }[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      queue: {
        send: async (name, data) => {
          sent.push({ name, data });
          return null;
        },
      },
    });
    const agency = await createTenantWithUsers(database);
    recruiter = await loginAs(app, agency.recruiter.email);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: recruiter.headers, payload });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: recruiter.headers });

  it('creates, validates, searches, updates and deletes candidates', async () => {
    const created = await post('/api/candidates', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'Ada@Example.test',
      phone: '+44 20 7946 0958',
      skills: ['Python', 'python', 'SQL'],
      total_experience_years: 7,
      preferred_roles: ['Data Engineer'],
    });
    expect(created.statusCode).toBe(201);
    const ada = created.json();
    expect(ada).toMatchObject({
      email: 'ada@example.test',
      skills: ['Python', 'SQL'],
      status: 'pending_review',
    });
    expect(sent).toContainEqual({
      name: 'candidates/changed',
      data: { tenantId: expect.any(Number), candidateId: ada.id },
    });

    const invalid = await post('/api/candidates', {
      first_name: 'X',
      last_name: 'Y',
      email: 'not-an-email',
      total_experience_years: 61,
      skills: Array.from({ length: 101 }, (_, i) => `s${i}`),
      status: 'approved',
    });
    expect(invalid.statusCode).toBe(400);

    await post('/api/candidates', {
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'grace@example.test',
      skills: ['COBOL'],
    });
    const search = await get('/api/candidates?search=ada');
    expect(search.json()).toMatchObject({ total: 1, items: [{ id: ada.id }] });
    const bySkill = await get('/api/candidates?skill=cobol');
    expect(bySkill.json().items.map((c: { last_name: string }) => c.last_name)).toEqual(['Hopper']);
    const sorted = await get('/api/candidates?sort=name&order=desc&limit=1');
    expect(sorted.json()).toMatchObject({ total: 2, items: [{ last_name: 'Lovelace' }] });

    const detail = (await get(`/api/candidates/${ada.id}`)).json();
    expect(detail.role_mappings).toEqual([expect.objectContaining({ input_text: 'Data Engineer' })]);
    const roleId = detail.role_mappings[0].global_role_id;
    const byRole = await get(`/api/candidates?role_id=${roleId}`);
    expect(byRole.json().items.map((c: { id: number }) => c.id)).toEqual([ada.id]);

    const updated = await app.inject({
      method: 'PATCH',
      url: `/api/candidates/${ada.id}`,
      headers: recruiter.headers,
      payload: { current_title: 'Analyst' },
    });
    expect(updated.json().current_title).toBe('Analyst');
    const embeddingWrite = await app.inject({
      method: 'PATCH',
      url: `/api/candidates/${ada.id}`,
      headers: recruiter.headers,
      payload: { embedding: [1, 2, 3] },
    });
    expect(embeddingWrite.statusCode).toBe(400);

    const count = async () =>
      (
        await database.sql.query<{ n: number }>(
          'SELECT candidate_count AS n FROM global_roles WHERE id = $1',
          [roleId],
        )
      ).rows[0]!.n;
    expect(await count()).toBe(1);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/candidates/${ada.id}`,
      headers: recruiter.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await count()).toBe(0);
    expect((await get(`/api/candidates/${ada.id}`)).statusCode).toBe(404);
  });

  it('reads pasted skills through the posting dictionary, and takes match preferences (API and CSV)', async () => {
    const created = await post('/api/candidates', {
      first_name: 'Paste',
      last_name: 'Resume',
      email: 'paste@example.test',
      skills: ['Microsoft Technologies C#.Net, ASP.Net MVC (5 years)', 'k8s', 'Nintex workflows'],
      work_modes: ['Remote', 'hybrid'],
      employment_types: ['contract', 'c2c'],
      expected_hourly_rate: '$70/hr',
      open_to_relocation: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      skills: ['C#', '.NET', 'ASP.NET', 'Kubernetes', 'Nintex workflows'],
      work_modes: ['remote', 'hybrid'],
      employment_types: ['contract', 'c2c'],
      expected_hourly_rate: '$70/hr',
      open_to_relocation: true,
    });
    const invalid = await post('/api/candidates', {
      first_name: 'Bad',
      last_name: 'Mode',
      email: 'bad-mode@example.test',
      work_modes: ['sometimes'],
    });
    expect(invalid.statusCode).toBe(400);

    const csv =
      'first_name,last_name,email,skills,work_modes,open_to_relocation\n' +
      '"Csv","Paste",csv-paste@example.test,"SQL Server, SSIS, T-SQL | SSRS",onsite,yes\n' +
      '"Csv","Bad",csv-bad@example.test,,anywhere,maybe\n';
    const upload = multipartBody({}, { name: 'candidates.csv', content: csv });
    const response = await app.inject({
      method: 'POST',
      url: '/api/candidates/imports',
      payload: upload.payload,
      headers: { ...recruiter.headers, ...upload.headers },
    });
    expect(response.json()).toMatchObject({ total: 2, created: 1, failed: 1 });
    expect(response.json().errors[0].row_number).toBe(3);
    const listed = (await get('/api/candidates?search=csv-paste')).json();
    const row = listed.items.find((c: { email: string }) => c.email === 'csv-paste@example.test');
    expect(row).toMatchObject({
      skills: ['SQL Server', 'SSIS', 'T-SQL', 'SSRS'],
      work_modes: ['onsite'],
      open_to_relocation: true,
    });
  });

  it('enforces and records the review workflow', async () => {
    const { id } = (
      await post('/api/candidates', { first_name: 'Alan', last_name: 'Turing', email: 'alan@example.test' })
    ).json();
    expect((await post(`/api/candidates/${id}/status`, { status: 'ready_for_assignment' })).statusCode).toBe(
      422,
    );
    expect((await post(`/api/candidates/${id}/status`, { status: 'approved' })).json().status).toBe(
      'approved',
    );
    expect((await post(`/api/candidates/${id}/status`, { status: 'ready_for_assignment' })).statusCode).toBe(
      200,
    );
    const detail = (await get(`/api/candidates/${id}`)).json();
    expect(detail.status_history.map((change: { to_status: string }) => change.to_status)).toEqual([
      'pending_review',
      'approved',
      'ready_for_assignment',
    ]);
    expect(detail.status_history[1].changed_by.id).toBeGreaterThan(0);
  });

  it('imports a CSV with per-row accounting and exports formula-safe CSV', async () => {
    const csv =
      'first_name,last_name,email,current_employer,skills,total_experience_years\n' +
      'Linus,Torvalds,linus@example.test,Linux Foundation,C;Git,30\n' +
      ',Nobody,nobody@example.test,,,\n' +
      '=cmd|calc,Evil,evil@example.test,,,\n' +
      'Linus,Again,LINUS@example.test,,,\n' +
      'Old,Timer,old@example.test,,,99\n';
    const upload = multipartBody({}, { name: 'candidates.csv', content: csv });
    const response = await app.inject({
      method: 'POST',
      url: '/api/candidates/imports',
      payload: upload.payload,
      headers: { ...recruiter.headers, ...upload.headers },
    });
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ total: 5, created: 2, failed: 3 });
    expect(result.errors.map((error: { row_number: number }) => error.row_number)).toEqual([3, 5, 6]);

    const exported = await get('/api/candidates/export.csv');
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.body).toContain(`'=cmd|calc`);
    expect(exported.body.split('\r\n')[0]).toMatch(/,current_title,current_employer,skills,/);
    expect(exported.body).toMatch(/,Linus,Torvalds,linus@example\.test,,,Linux Foundation,C; Git,30,/);
  });

  it('applies from a match and directly, once per job, through the pipeline', async () => {
    const job = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'j1', 'Data Engineer'), ('x', 'j2', 'Old job')
       RETURNING id`,
    );
    const [activeJob, closedJob] = job.rows.map((row) => row.id);
    await database.sql.query(`UPDATE job_postings SET status = 'closed' WHERE id = $1`, [closedJob]);
    const candidate = (
      await post('/api/candidates', {
        first_name: 'Margaret',
        last_name: 'Hamilton',
        email: 'mh@example.test',
      })
    ).json();
    const match = await database.sql.query<{ id: number }>(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score) VALUES ($1, $2, 88) RETURNING id`,
      [candidate.id, activeJob],
    );

    const fromMatch = await post('/api/applications', { match_id: match.rows[0]!.id, notes: 'strong fit' });
    expect(fromMatch.statusCode).toBe(201);
    expect(fromMatch.json()).toMatchObject({ application_status: 'applied', applied_via: 'platform' });
    const matchRow = await database.sql.query<{ status: string }>(
      'SELECT status FROM candidate_job_matches WHERE id = $1',
      [match.rows[0]!.id],
    );
    expect(matchRow.rows[0]!.status).toBe('applied');

    expect(
      (await post('/api/applications', { candidate_id: candidate.id, job_posting_id: activeJob })).statusCode,
    ).toBe(409);
    expect(
      (await post('/api/applications', { candidate_id: candidate.id, job_posting_id: closedJob })).statusCode,
    ).toBe(422);

    const id = fromMatch.json().id;
    expect((await post(`/api/applications/${id}/status`, { status: 'offer' })).statusCode).toBe(422);
    expect(
      (await post(`/api/applications/${id}/status`, { status: 'screening', note: 'call booked' })).statusCode,
    ).toBe(200);
    const detail = (await get(`/api/applications/${id}`)).json();
    expect(detail.history.map((event: { to_status: string }) => event.to_status)).toEqual([
      'applied',
      'screening',
    ]);
    expect(detail.history[1]).toMatchObject({ from_status: 'applied', note: 'call booked' });

    const perCandidate = (await get(`/api/applications?candidate_id=${candidate.id}`)).json();
    expect(perCandidate.total).toBe(1);
    const pipeline = (await get('/api/applications/pipeline')).json();
    expect(pipeline.stages.find((stage: { status: string }) => stage.status === 'screening')).toMatchObject({
      count: 1,
    });

    const remove = await app.inject({
      method: 'DELETE',
      url: `/api/candidates/${candidate.id}`,
      headers: recruiter.headers,
    });
    expect(remove.statusCode).toBe(204);
    const left = await database.sql.query('SELECT 1 FROM job_applications WHERE candidate_id = $1', [
      candidate.id,
    ]);
    expect(left.rows).toHaveLength(0);
  });
});
