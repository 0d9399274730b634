import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { type JobQueue, startJobQueue } from '../../src/worker/job-queue.js';
import { createTenantWithUsers, createTestUser, type LoggedIn, loginAs } from '../support/auth.js';
import { type Commit, commitCountingDatabase } from '../support/commit-counter.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { multipartBody, multipartFiles } from '../support/multipart.js';
import { docxFromText } from '../support/resume-files.js';
import { createScraperKey, sampleJobs, seedRoles } from '../support/scraper-fixtures.js';

/**
 * One transaction per request that changes data: every mutating route (POST, PUT, PATCH, DELETE of the
 * OpenAPI document) is called until it succeeds, over a database that counts what each request commits
 * (each transaction, and each data-changing statement run outside one). Every answer commits at most one
 * transaction. What the authentication hooks write before the route runs (a session's sliding expiry, a
 * key's last use) is the credential's bookkeeping, counted apart: at most one statement.
 */
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/** Routes whose success this test cannot reach, with why (none today). */
const NOT_REACHED: Record<string, string> = {};

/**
 * Bulk work that commits in chunks by design, so that a file of any size streams through bounded
 * transactions and a crash loses at most the chunk being written. Everything else commits once.
 */
const COMMITS_PER_CHUNK: Record<string, string> = {
  'POST /api/admin/imports':
    'a job file: its batch row is written first and finished last (so an interrupted import is found and ' +
    'ended by the recovery task), its rows in transactions of 2000 with their counters and events',
  'POST /api/candidates/imports': 'a candidate file: rows in transactions of a few hundred',
  'POST /api/admin/matches/repair':
    'rescoring every drifted candidate of the platform, 200 candidates a transaction',
};

interface Call {
  route: string;
  status: number;
  body?: string;
  commits: Commit[];
  authentication: Commit[];
}

describe('one transaction per request that changes data', () => {
  let raw: TestDatabase;
  let counter: ReturnType<typeof commitCountingDatabase>;
  let queue: JobQueue;
  let app: App;
  const calls: Call[] = [];
  let platform: LoggedIn;
  let admin: LoggedIn;
  let recruiter: LoggedIn;
  let scraperKey: string;

  beforeAll(async () => {
    raw = await createTestDatabase();
    counter = commitCountingDatabase(raw);
    queue = await startJobQueue(counter.database, { logger: silentLogger, supervise: false });
    await queue.register(
      ['jobs/imported', 'candidates/changed', 'inbox/refresh', 'webhooks/deliver'].map((name) => ({
        name,
        handler: async () => undefined,
      })),
    );
    app = await buildApp({
      database: counter.database,
      logger: silentLogger,
      queue,
      webRoot: false,
      webhooks: { allow: ['private', 'loopback'], timeoutMs: 1000 },
    });
    // Runs after every authentication hook (onRequest): what follows is the route's work.
    app.addHook('preValidation', async () => counter.enterRoute());
    platform = await loginAs(app, (await createTestUser(raw, { role: 'PM_ADMIN', tenantId: null })).email);
    const agency = await createTenantWithUsers(raw);
    admin = await loginAs(app, agency.admin.email);
    recruiter = await loginAs(app, agency.recruiter.email);
    scraperKey = (await createScraperKey(raw)).secret;
  });
  afterAll(async () => {
    await app.close();
    await queue.stop();
    await raw.close();
  });

  /** Calls `route` (`POST /api/x/:id`) with `params` filled in, recording what the request committed. */
  async function call(
    as: LoggedIn | Record<string, string> | null,
    route: string,
    params: Record<string, string | number> = {},
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ) {
    const [method, pattern] = route.split(' ') as [string, string];
    const url = pattern.replace(/:(\w+)/g, (_, name: string) => String(params[name]));
    const headers = {
      ...(as && 'headers' in as ? (as.headers as Record<string, string>) : as),
      ...extraHeaders,
    };
    const { result, commits, authentication } = await counter.record(() =>
      app.inject({
        method: method as 'POST',
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as string }),
      }),
    );
    calls.push({
      route,
      status: result.statusCode,
      body: result.body.slice(0, 300),
      commits,
      authentication,
    });
    return result;
  }
  const json = async (response: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const answer = await response;
    if (answer.statusCode >= 300) throw new Error(`${answer.statusCode} ${answer.body}`);
    return answer.json() as Record<string, unknown> & { id: number };
  };

  it('calls every mutating route', async () => {
    // Sign-in: the new session, the login time and the replaced session commit in one transaction.
    const other = await createTestUser(raw, { role: 'PM_ADMIN', tenantId: null });
    const failedSignIn = await call(
      null,
      'POST /api/auth/login',
      {},
      { email: other.email, password: 'wrong' },
    );
    expect(failedSignIn.statusCode).toBe(401);
    const signIn = await call(
      null,
      'POST /api/auth/login',
      {},
      { email: other.email, password: other.password },
    );
    const session = signIn.cookies.find((cookie) => cookie.name === 'jm_session')!;
    await call(
      { cookie: `jm_session=${session.value}`, 'x-csrf-token': signIn.json().csrf_token as string },
      'POST /api/auth/logout',
    );

    // Accounts.
    const tenant = await json(
      call(
        platform,
        'POST /api/admin/tenants',
        {},
        {
          name: 'Second Agency',
          admin: { email: 'second-admin@example.test', password: 'a long enough password' },
        },
      ),
    );
    const tenantId = (tenant.tenant as { id: number } | undefined)?.id ?? tenant.id;
    await call(platform, 'PATCH /api/admin/tenants/:id', { id: tenantId }, { name: 'Second Agency Ltd' });
    const user = await json(
      call(
        admin,
        'POST /api/tenant/users',
        {},
        {
          email: 'third@example.test',
          password: 'a long enough password',
          role: 'RECRUITER',
        },
      ),
    );
    await call(admin, 'PATCH /api/tenant/users/:id', { id: user.id }, { name: 'Third Recruiter' });
    await call(recruiter, 'PUT /api/me/digest', {}, { digest: 'weekly' });
    await call(admin, 'PUT /api/settings/alerts', {}, { stage_limit_days: 10 });
    const weights = { skill: 0.3, experience: 0.2, location: 0.2, salary: 0.1, semantic: 0.2 };
    await call(admin, 'POST /api/tenant/settings/preview', {}, { weights });
    await call(admin, 'PUT /api/tenant/settings', {}, { weights });

    // Roles, jobs and the scraper.
    const roles = await seedRoles(raw, [
      { name: 'Python Developer', candidates: 2 },
      { name: 'Data Engineer', candidates: 1 },
      { name: 'Data Engineering Lead', candidates: 1 },
    ]);
    const python = roles.get('Python Developer')!;
    const bearer = { authorization: `Bearer ${scraperKey}` };
    const claimed = await json(call(bearer, 'POST /api/scraper/queue/claim'));
    const sessionId = claimed.session_id as string;
    await call(
      bearer,
      'POST /api/scraper/queue/jobs',
      {},
      { session_id: sessionId, jobs: sampleJobs('tx', 2) },
    );
    const second = await json(call(bearer, 'POST /api/scraper/queue/claim'));
    await call(
      bearer,
      'POST /api/scraper/queue/fail',
      {},
      {
        session_id: second.session_id,
        error_message: 'board down',
      },
    );
    await call(platform, 'POST /api/admin/queue/:id/requeue', { id: roles.get('Data Engineer')! });
    const key = await json(call(platform, 'POST /api/admin/scraper-keys', {}, { name: 'second scraper' }));
    const keyId = (key.key as { id: number }).id;
    await call(platform, 'POST /api/admin/scraper-keys/:id/rotate', { id: keyId }, { overlap_minutes: 5 });
    await call(platform, 'POST /api/admin/scraper-keys/:id/revoke', { id: keyId });
    await call(
      platform,
      'PATCH /api/admin/roles/:id',
      { id: python },
      { name: 'Python Engineer', priority: 'high' },
    );
    await call(
      platform,
      'POST /api/admin/roles/:id/aliases',
      { id: python },
      { alias: 'Python Software Engineer' },
    );
    await call(platform, 'DELETE /api/admin/roles/:id/aliases/:alias', {
      id: python,
      alias: 'python software engineer',
    });
    await call(platform, 'POST /api/admin/roles/normalize', {}, { text: 'Senior Python Engineer' });
    await call(
      platform,
      'POST /api/admin/roles/merge',
      {},
      {
        source_id: roles.get('Data Engineering Lead')!,
        target_id: roles.get('Data Engineer')!,
      },
    );
    const csv =
      'platform,external_job_id,title,company,location,description\nx,imp-1,Go Developer,Acme,Austin,Go and AWS\n';
    const upload = multipartBody({}, { name: 'jobs.csv', content: csv });
    await call(platform, 'POST /api/admin/imports', {}, upload.payload, upload.headers);
    const jobRows = await raw.sql.query<{ id: number }>('SELECT id FROM job_postings ORDER BY id');
    const jobs = jobRows.rows.map((row) => row.id);
    await call(platform, 'PATCH /api/admin/jobs/:id', { id: jobs[jobs.length - 1]! }, { status: 'closed' });
    await call(platform, 'POST /api/admin/matches/repair');

    // Candidates.
    const person = (first: string) => ({
      first_name: first,
      last_name: 'Tx',
      email: `${first}@example.test`,
    });
    const ada = await json(
      call(
        recruiter,
        'POST /api/candidates',
        {},
        { ...person('ada'), skills: ['Python'], preferred_roles: ['Python Engineer'] },
      ),
    );
    const twin = await json(call(recruiter, 'POST /api/candidates', {}, person('ada2')));
    const bob = await json(call(recruiter, 'POST /api/candidates', {}, person('bob')));
    await call(recruiter, 'PATCH /api/candidates/:id', { id: ada.id }, { current_title: 'Python Developer' });
    await call(recruiter, 'POST /api/candidates/:id/status', { id: ada.id }, { status: 'approved' });
    await call(admin, 'PUT /api/candidates/:id/owner', { id: bob.id }, { owner_user_id: user.id });
    await call(
      recruiter,
      'PUT /api/candidates/:id/roles',
      { id: ada.id },
      {
        input_text: 'Python Engineer',
        global_role_id: python,
      },
    );
    await call(recruiter, 'POST /api/candidates/:id/rematch', { id: ada.id });
    await call(recruiter, 'POST /api/candidates/:id/not-duplicate', { id: ada.id }, { other_id: bob.id });
    const merge = await json(
      call(recruiter, 'POST /api/candidates/:id/merge', { id: ada.id }, { duplicate_id: twin.id }),
    );
    await call(recruiter, 'POST /api/candidate-merges/:id/undo', {
      id: (merge.merge as { id: number } | undefined)?.id ?? (merge.merge_id as number) ?? merge.id,
    });
    const people = 'first_name,last_name,email\nCara,Tx,cara@example.test\n';
    const peopleUpload = multipartBody({}, { name: 'people.csv', content: people });
    await call(recruiter, 'POST /api/candidates/imports', {}, peopleUpload.payload, peopleUpload.headers);
    await call(recruiter, 'POST /api/roles/reports', {}, { input_text: 'Pythn dev', candidate_id: ada.id });
    const report = (
      await raw.sql.query<{ id: number }>('SELECT id FROM role_mapping_reports ORDER BY id DESC')
    ).rows[0]!;
    await call(platform, 'PATCH /api/admin/role-reports/:id', { id: report.id }, { status: 'dismissed' });

    // Resume intake.
    const resumeOf = (name: string) =>
      docxFromText(
        [
          name,
          'Senior Java Developer - Infosys',
          'Pune',
          `${name.split(' ')[0]}@example.test`,
          '',
          'WORK EXPERIENCE',
          'Senior Java Developer',
          'Infosys - Pune',
          'June 2018 to Present',
        ].join('\n'),
      );
    const resume = multipartFiles([
      { name: 'dan.docx', content: await resumeOf('Dan Tx') },
      { name: 'eve.docx', content: await resumeOf('Eve Tx') },
    ]);
    const intake = await json(call(recruiter, 'POST /api/resume-intake', {}, resume.payload, resume.headers));
    const draftIds = (intake.items as { draft_id: number }[]).map((item) => item.draft_id);
    await call(recruiter, 'POST /api/resume-drafts/:id/save', { id: draftIds[0]! }, person('dan'));
    await call(recruiter, 'DELETE /api/resume-drafts/:id', { id: draftIds[1]! });

    // Matches, applications and placements.
    await raw.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, status)
       VALUES ($1, $2, 80, 'suggested'), ($1, $3, 70, 'suggested')`,
      [ada.id, jobs[0], jobs[1]],
    );
    const matches = (
      await raw.sql.query<{ id: number }>(
        'SELECT id FROM candidate_job_matches WHERE candidate_id = $1 ORDER BY id',
        [ada.id],
      )
    ).rows;
    await call(recruiter, 'PATCH /api/matches/:id', { id: matches[0]!.id }, { status: 'shortlisted' });
    const application = await json(
      call(recruiter, 'POST /api/applications', {}, { match_id: matches[0]!.id }),
    );
    await call(
      recruiter,
      'POST /api/applications/:id/status',
      { id: application.id },
      { status: 'screening' },
    );
    await call(recruiter, 'POST /api/applications/:id/undo', { id: application.id });
    for (const status of ['screening', 'interviewing', 'offer'])
      await call(recruiter, 'POST /api/applications/:id/status', { id: application.id }, { status });
    await call(
      recruiter,
      'POST /api/applications/:id/placement',
      { id: application.id },
      {
        start_date: '2027-01-04',
        currency: 'USD',
        rate_period: 'hour',
        pay_rate: 60,
        bill_rate: 90,
      },
    );
    const declined = await json(call(recruiter, 'POST /api/applications', {}, { match_id: matches[1]!.id }));
    await call(recruiter, 'POST /api/applications/:id/status', { id: declined.id }, { status: 'rejected' });
    await call(
      recruiter,
      'POST /api/applications/:id/reopen',
      { id: declined.id },
      { reason: 'client came back' },
    );
    await call(recruiter, 'DELETE /api/candidates/:id', { id: bob.id });

    // Home, inbox, webhooks and agency API keys.
    await call(recruiter, 'POST /api/home/seen');
    await call(recruiter, 'POST /api/inbox/read', {}, {});
    const hook = await json(
      call(
        admin,
        'POST /api/webhooks',
        {},
        { url: 'http://127.0.0.1:9/hook', events: ['candidate.created'] },
      ),
    );
    await call(admin, 'PATCH /api/webhooks/:id', { id: hook.id }, { is_active: false });
    const delivery = (
      await raw.sql.query<{ id: number }>(
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload)
       SELECT tenant_id, id, 'candidate.created', 'tx-test', '{}'::jsonb FROM webhook_endpoints WHERE id = $1
       RETURNING id`,
        [hook.id],
      )
    ).rows[0]!;
    await call(admin, 'POST /api/webhooks/deliveries/:id/replay', { id: delivery.id });
    await call(admin, 'DELETE /api/webhooks/:id', { id: hook.id });
    const apiKey = await json(call(admin, 'POST /api/api-keys', {}, { name: 'ATS sync', scope: 'read' }));
    const apiKeyId = (apiKey.key as { id: number }).id;
    await call(admin, 'POST /api/api-keys/:id/rotate', { id: apiKeyId }, { overlap_minutes: 5 });
    await call(admin, 'POST /api/api-keys/:id/revoke', { id: apiKeyId });

    // A failed background task, retried.
    const failed = (
      await raw.sql.query<{ id: string }>(
        `INSERT INTO pgboss.job (name, data, state) VALUES ('inbox/refresh', '{}', 'failed') RETURNING id`,
      )
    ).rows[0]!;
    await call(platform, 'POST /api/admin/health/failed-tasks/:id/retry', { id: failed.id });
  });

  it('commits at most one transaction per request', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const mutating = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => MUTATING.has(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const succeeded = new Set(calls.filter((c) => c.status < 300).map((c) => c.route));
    const failures = calls.filter((c) => c.status >= 300).map((c) => `${c.route}: ${c.status} ${c.body}`);
    expect(
      mutating.filter((route) => !succeeded.has(route) && !NOT_REACHED[route]),
      failures.join('\n'),
    ).toEqual([]);
    const wrong = calls
      .filter(
        (c) =>
          (c.commits.length > 1 && !COMMITS_PER_CHUNK[c.route]) ||
          c.authentication.length > 1 ||
          c.authentication.some((a) => a.kind !== 'statement'),
      )
      .map((c) => ({
        route: c.route,
        status: c.status,
        commits: c.commits.map((commit) => commit.text),
        authentication: c.authentication.map((a) => a.text),
      }));
    expect(wrong).toEqual([]);
    // The exceptions name real mutating routes.
    for (const route of [...Object.keys(COMMITS_PER_CHUNK), ...Object.keys(NOT_REACHED)])
      expect(mutating).toContain(route);
  });
});
