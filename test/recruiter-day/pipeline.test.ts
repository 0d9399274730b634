import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTenantWithUsers, createTestUser, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

describe('ownership, placements and pipeline undo/reopen', () => {
  let database: TestDatabase;
  let app: App;
  let recruiter: LoggedIn;
  let colleague: LoggedIn;
  let admin: LoggedIn;
  let other: LoggedIn;
  let recruiterId: number;
  let colleagueId: number;
  let jobs: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger });
    const agency = await createTenantWithUsers(database);
    const second = await createTestUser(database, { role: 'RECRUITER', tenantId: agency.tenant.id });
    const otherAgency = await createTenantWithUsers(database);
    recruiter = await loginAs(app, agency.recruiter.email);
    colleague = await loginAs(app, second.email);
    admin = await loginAs(app, agency.admin.email);
    other = await loginAs(app, otherAgency.admin.email);
    recruiterId = agency.recruiter.id;
    colleagueId = second.id;
    const created = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title, company)
       VALUES ('x', 'p1', 'Data Engineer', 'Acme'), ('x', 'p2', 'ML Engineer', 'Beta'), ('x', 'p3', 'Analyst', NULL)
       RETURNING id`,
    );
    jobs = created.rows.map((row) => row.id);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (as: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const newCandidate = async (as: LoggedIn, first: string) =>
    (
      await call(as, 'POST', '/api/candidates', {
        first_name: first,
        last_name: 'Test',
        email: `${first}@x.test`,
      })
    ).json();
  const apply = async (candidateId: number, jobId: number) =>
    (
      await call(recruiter, 'POST', '/api/applications', { candidate_id: candidateId, job_posting_id: jobId })
    ).json();
  const move = (as: LoggedIn, id: number, status: string) =>
    call(as, 'POST', `/api/applications/${id}/status`, { status });

  it('sets the owner on create, filters mine, shows match counts and lets the admin reassign', async () => {
    const ada = await newCandidate(recruiter, 'ada');
    const bob = await newCandidate(colleague, 'bob');
    expect(ada.owner_user_id).toBe(recruiterId);
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, status, viewed_at)
       VALUES ($1, $2, 81, 'suggested', NULL), ($1, $3, 64.5, 'viewed', now())`,
      [ada.id, jobs[0], jobs[1]],
    );
    const mine = (await call(recruiter, 'GET', '/api/candidates?mine=true')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      id: ada.id,
      owner: { id: recruiterId },
      new_matches: 1,
      total_matches: 2,
      best_score: 81,
      roles: [],
    });
    expect((await call(recruiter, 'GET', '/api/candidates')).json().total).toBe(2);

    expect(
      (await call(recruiter, 'PUT', `/api/candidates/${bob.id}/owner`, { owner_user_id: recruiterId }))
        .statusCode,
    ).toBe(403);
    const moved = await call(admin, 'PUT', `/api/candidates/${bob.id}/owner`, { owner_user_id: recruiterId });
    expect(moved.json()).toMatchObject({ owner_user_id: recruiterId });
    expect((await call(recruiter, 'GET', '/api/candidates?mine=true')).json().total).toBe(2);
    expect(
      (await call(admin, 'PUT', `/api/candidates/${bob.id}/owner`, { owner_user_id: 999_999 })).statusCode,
    ).toBe(422);
    expect(
      (await call(other, 'PUT', `/api/candidates/${bob.id}/owner`, { owner_user_id: null })).statusCode,
    ).toBe(404);
    await call(admin, 'PUT', `/api/candidates/${bob.id}/owner`, { owner_user_id: colleagueId });
  });

  it('undoes a move only for the user who made it, keeping both moves in the history', async () => {
    const cat = await newCandidate(recruiter, 'cat');
    const application = await apply(cat.id, jobs[0]!);
    expect((await move(recruiter, application.id, 'screening')).statusCode).toBe(200);
    const byColleague = await call(colleague, 'POST', `/api/applications/${application.id}/undo`);
    expect(byColleague.statusCode).toBe(422);
    expect((await call(other, 'POST', `/api/applications/${application.id}/undo`)).statusCode).toBe(404);
    const undone = await call(recruiter, 'POST', `/api/applications/${application.id}/undo`);
    expect(undone.json()).toMatchObject({ application_status: 'applied' });
    const history = (await call(recruiter, 'GET', `/api/applications/${application.id}`)).json().history;
    expect(
      history.map((event: { kind: string; to_status: string }) => `${event.kind}:${event.to_status}`),
    ).toEqual(['move:applied', 'move:screening', 'undo:applied']);
    expect(history[2].undoes_event_id).toBe(history[1].id);
    expect((await call(recruiter, 'POST', `/api/applications/${application.id}/undo`)).statusCode).toBe(422);
  });

  it('reopens a rejected application at its stage, with the reason', async () => {
    const dan = await newCandidate(recruiter, 'dan');
    const application = await apply(dan.id, jobs[0]!);
    await move(recruiter, application.id, 'screening');
    await move(recruiter, application.id, 'rejected');
    expect(
      (await call(recruiter, 'POST', `/api/applications/${application.id}/reopen`, { reason: ' ' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(other, 'POST', `/api/applications/${application.id}/reopen`, { reason: 'x' })).statusCode,
    ).toBe(404);
    const reopened = await call(recruiter, 'POST', `/api/applications/${application.id}/reopen`, {
      reason: 'client asked again',
    });
    expect(reopened.json()).toMatchObject({ application_status: 'screening' });
    const history = (await call(recruiter, 'GET', `/api/applications/${application.id}`)).json().history;
    expect(history.at(-1)).toMatchObject({
      kind: 'reopen',
      note: 'client asked again',
      from_status: 'rejected',
    });
    expect(
      (await call(recruiter, 'POST', `/api/applications/${application.id}/reopen`, { reason: 'again' }))
        .statusCode,
    ).toBe(422);
  });

  it('records a placement from an accepted offer: margin, placed, others for review, job closed', async () => {
    const eve = await newCandidate(recruiter, 'eve');
    const main = await apply(eve.id, jobs[0]!);
    const elsewhere = await apply(eve.id, jobs[1]!);
    for (const stage of ['screening', 'interviewing', 'offer']) await move(recruiter, main.id, stage);
    expect((await move(recruiter, main.id, 'accepted')).statusCode).toBe(422);
    const terms = {
      start_date: '2027-01-04',
      currency: 'usd',
      rate_period: 'hour',
      pay_rate: 60,
      bill_rate: 80,
    };
    expect(
      (await call(recruiter, 'POST', `/api/applications/${main.id}/placement`, { ...terms, fee: 10 }))
        .statusCode,
    ).toBe(400);
    expect((await call(other, 'POST', `/api/applications/${main.id}/placement`, terms)).statusCode).toBe(404);
    const placed = await call(recruiter, 'POST', `/api/applications/${main.id}/placement`, {
      ...terms,
      close_job: true,
    });
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({
      placement: {
        currency: 'USD',
        margin: 20,
        margin_percent: 25,
        start_date: '2027-01-04',
        candidate_name: 'eve Test',
      },
      job_closed: true,
      applications_for_review: 1,
    });
    const candidate = (await call(recruiter, 'GET', `/api/candidates/${eve.id}`)).json();
    expect(candidate.status).toBe('placed');
    expect(candidate.status_history.at(-1)).toMatchObject({
      from_status: 'pending_review',
      to_status: 'placed',
    });
    const review = (await call(recruiter, 'GET', `/api/applications/${elsewhere.id}`)).json();
    expect(review.review_reason).toBe('Placed in Data Engineer at Acme from 2027-01-04');
    expect((await call(recruiter, 'POST', `/api/applications/${main.id}/undo`)).statusCode).toBe(422);
    expect((await call(recruiter, 'POST', `/api/applications/${main.id}/placement`, terms)).statusCode).toBe(
      422,
    );

    const fred = await newCandidate(recruiter, 'fred');
    const closed = await call(recruiter, 'POST', '/api/applications', {
      candidate_id: fred.id,
      job_posting_id: jobs[0],
    });
    expect(closed.statusCode).toBe(422);
    expect(
      (await call(other, 'POST', '/api/candidates', { first_name: 'o', last_name: 'o', email: 'o@o.test' }))
        .statusCode,
    ).toBe(201);

    await move(recruiter, elsewhere.id, 'screening');
    expect(
      (await call(recruiter, 'GET', `/api/applications/${elsewhere.id}`)).json().review_reason,
    ).toBeNull();

    const perm = await apply(fred.id, jobs[2]!);
    for (const stage of ['screening', 'interviewing', 'offer']) await move(recruiter, perm.id, stage);
    const fee = await call(recruiter, 'POST', `/api/applications/${perm.id}/placement`, {
      start_date: '2027-02-01',
      currency: 'GBP',
      rate_period: 'year',
      pay_rate: 90_000,
      fee: 18_000,
    });
    expect(fee.json()).toMatchObject({
      placement: { margin: 18_000, margin_percent: 20, fee: 18_000, bill_rate: null },
      job_closed: false,
    });
    const list = (await call(recruiter, 'GET', '/api/placements')).json();
    expect(list.total).toBe(2);
    expect((await call(other, 'GET', '/api/placements')).json().total).toBe(0);
  });
});
