import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_TASK, digestTasks } from '../../src/digest/digest-tasks.js';
import { sendDueDigests } from '../../src/digest/digests.js';
import { createSmtpMailer, type Mailer } from '../../src/digest/mailer.js';
import { type App, buildApp } from '../../src/http/app.js';
import { refreshAllInboxes } from '../../src/inbox/refresh-inbox.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

/** The subject and the decoded text and HTML parts of a raw MIME message (quoted-printable or base64). */
function parseMail(raw: string): { subject: string; text: string; html: string } {
  const [head = ''] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const decode = (part: string) => {
    const split = part.search(/\r?\n\r?\n/);
    const headers = part.slice(0, split);
    const body = part.slice(split).trim();
    if (/content-transfer-encoding: *base64/i.test(headers))
      return Buffer.from(body, 'base64').toString('utf8');
    if (!/content-transfer-encoding: *quoted-printable/i.test(headers)) return body;
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  };
  const find = (type: string) => decode(parts.find((part) => part.includes(`Content-Type: ${type}`)) ?? '');
  return { subject, text: find('text/plain'), html: find('text/html') };
}

const HOSTILE = '<script>alert("x")</script><img src=x onerror=steal()>';

describe('e-mail digest through a local SMTP server', () => {
  let database: TestDatabase;
  let app: App;
  let smtp: SMTPServer;
  let mailer: Mailer;
  let recruiter: LoggedIn;
  let otherRecruiter: LoggedIn;
  let recruiterEmail: string;
  let candidateId: number;
  let refuseNext = false;
  const received: Received[] = [];
  const baseUrl = 'https://jobmatch.example.com';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refuseNext) {
            refuseNext = false;
            return callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    mailer = createSmtpMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Jobmatch <digest@jobmatch.test>',
    });

    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger });
    const agency = await createTenantWithUsers(database);
    const otherAgency = await createTenantWithUsers(database);
    recruiterEmail = agency.recruiter.email;
    recruiter = await loginAs(app, agency.recruiter.email);
    const admin = await loginAs(app, agency.admin.email);
    otherRecruiter = await loginAs(app, otherAgency.recruiter.email);

    const created = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      headers: recruiter.headers,
      payload: { first_name: HOSTILE, last_name: 'Doe & Sons', email: 'hostile@x.test' },
    });
    expect(created.statusCode).toBe(201);
    candidateId = created.json().id;
    await database.sql.query(`UPDATE candidates SET status = 'approved' WHERE id = $1`, [candidateId]);
    const jobs = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title, company)
       VALUES ('x', 'd1', 'Data Engineer', 'Acme <Labs>'), ('x', 'd2', 'DBA', 'Old Co') RETURNING id`,
    );
    const [dataJob, dbaJob] = jobs.rows.map((row) => row.id);
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, is_recommended, match_reasons)
       VALUES ($1, $2, 88, true, ARRAY['Python & SQL <strong>match</strong>'])`,
      [candidateId, dataJob],
    );
    const application = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: recruiter.headers,
      payload: { candidate_id: candidateId, job_posting_id: dbaJob },
    });
    expect(application.statusCode).toBe(201);
    const moved = await app.inject({
      method: 'POST',
      url: `/api/applications/${application.json().id}/status`,
      headers: admin.headers,
      payload: { status: 'screening' },
    });
    expect(moved.statusCode).toBe(200);
    await refreshAllInboxes(database);
  });
  afterAll(async () => {
    mailer?.close();
    await app?.close();
    await database?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const setDigest = (as: LoggedIn, digest: string) =>
    app.inject({ method: 'PUT', url: '/api/me/digest', headers: as.headers, payload: { digest } });

  it('is off until the user opts in, per user, through the API', async () => {
    const initial = await app.inject({ method: 'GET', url: '/api/me/digest', headers: recruiter.headers });
    expect(initial.json()).toEqual({ digest: 'off', digest_sent_at: null });
    expect((await setDigest(recruiter, 'hourly')).statusCode).toBe(400);
    expect(await sendDueDigests(database, { mailer, baseUrl })).toEqual({ sent: 0, empty: 0, failed: [] });
    expect(received).toHaveLength(0);
    const opted = await setDigest(recruiter, 'daily');
    expect(opted.statusCode).toBe(200);
    expect(opted.json()).toEqual({ digest: 'daily', digest_sent_at: null });
    // Another agency's user opting in sees nothing of this agency (and has nothing new: no e-mail).
    expect((await setDigest(otherRecruiter, 'weekly')).statusCode).toBe(200);
  });

  it('sends new matches and application changes grouped by candidate, with links, hostile names escaped', async () => {
    const run = await sendDueDigests(database, { mailer, baseUrl });
    expect(run).toEqual({ sent: 1, empty: 1, failed: [] });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual([recruiterEmail]);
    expect(mail.from).toBe('digest@jobmatch.test');
    const parsed = parseMail(mail.raw);
    expect(parsed.subject).toBe('Jobmatch daily digest: 1 new match, 1 application change');
    const { html, text } = parsed;
    expect(html).not.toMatch(/<script|<img|<strong>match/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Acme &lt;Labs&gt;');
    expect(html).toContain(`href="${baseUrl}/candidates/${candidateId}"`);
    expect(html).toContain(`href="${baseUrl}/applications?candidate_id=${candidateId}"`);
    expect(text).toContain(`${baseUrl}/candidates/${candidateId}`);
    expect(text).toContain('Data Engineer at Acme <Labs> (88): Python & SQL <strong>match</strong>');
    expect(text).toContain('DBA moved applied → screening');
    const setting = await app.inject({ method: 'GET', url: '/api/me/digest', headers: recruiter.headers });
    expect(setting.json().digest_sent_at).not.toBeNull();
  });

  it('sends nothing again until the next period, and only what is new since the last digest', async () => {
    expect(await sendDueDigests(database, { mailer, baseUrl })).toEqual({ sent: 0, empty: 1, failed: [] });
    await database.sql.query(
      `UPDATE user_day_preferences SET digest_sent_at = now() - interval '1 day'
        WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [recruiterEmail],
    );
    // Everything in the inbox predates the last digest now.
    await database.sql.query(`UPDATE inbox_entries SET created_at = now() - interval '2 days'`);
    expect(await sendDueDigests(database, { mailer, baseUrl })).toEqual({ sent: 0, empty: 2, failed: [] });
    expect(received).toHaveLength(1);
  });

  it('keeps a digest the SMTP server refused due, so the retried task sends it', async () => {
    await database.sql.query(`UPDATE inbox_entries SET created_at = now()`);
    refuseNext = true;
    const refused = await sendDueDigests(database, { mailer, baseUrl });
    expect(refused.sent).toBe(0);
    expect(refused.failed).toHaveLength(1);
    expect(refused.failed[0]!.error).toMatch(/451|busy/);
    const retried = await sendDueDigests(database, { mailer, baseUrl });
    expect(retried.sent).toBe(1);
    expect(received).toHaveLength(2);
  });

  it('is a pg-boss task on the configured schedule, and none without SMTP settings', async () => {
    const mail = { smtpUrl: undefined, from: 'x <x@x.test>', publicUrl: baseUrl, digestCron: '0 7 * * *' };
    expect(digestTasks({ database, logger: silentLogger, mail })).toEqual([]);
    const [task] = digestTasks({ database, logger: silentLogger, mail, mailer });
    expect(task).toMatchObject({ name: DIGEST_TASK.send, cron: '0 7 * * *' });
    await database.sql.query(`UPDATE user_day_preferences SET digest_sent_at = now() - interval '1 day'`);
    await task!.handler(undefined as never, { id: 'run', retryCount: 0 });
    expect(received).toHaveLength(3);
  });
});
