import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verifySignature } from '../../src/domain/webhook-signature.js';
import { type App, buildApp } from '../../src/http/app.js';
import { refreshAllInboxes } from '../../src/inbox/refresh-inbox.js';
import { DeliveryFailed, deliverWebhook } from '../../src/webhooks/deliver-webhook.js';
import { webhooksAfterRefresh } from '../../src/webhooks/webhook-tasks.js';
import { createTenantWithUsers, type LoggedIn, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('webhooks', () => {
  let database: TestDatabase;
  let app: App;
  let admin: LoggedIn;
  let recruiter: LoggedIn;
  let other: LoggedIn;
  let server: http.Server;
  let base: string;
  const received: Received[] = [];
  const queued: { tenantId: number; deliveryId: number }[] = [];
  const queue = {
    send: async (_name: string, data: object) => {
      queued.push(data as (typeof queued)[number]);
      return null;
    },
  };
  const policy = { allow: ['loopback'] as const, timeoutMs: 400 };

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (path === '/ok') return response.writeHead(200).end('thanks');
        if (path === '/fail') return response.writeHead(500).end('boom');
        if (path === '/redirect')
          return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
        if (path === '/slow') return setTimeout(() => response.writeHead(200).end(), 3_000);
        if (path === '/huge') {
          response.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = Buffer.alloc(64 * 1024, 'x');
          let sent = 0;
          const write = () => {
            while (sent < 10 * 1024 * 1024) {
              sent += chunk.length;
              if (!response.write(chunk)) return response.once('drain', write);
            }
            response.end();
          };
          response.on('error', () => undefined);
          return write();
        }
        response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    database = await createTestDatabase();
    app = await buildApp({
      database,
      logger: silentLogger,
      queue,
      webhooks: { ...policy, allow: [...policy.allow] },
    });
    const agency = await createTenantWithUsers(database);
    const otherAgency = await createTenantWithUsers(database);
    admin = await loginAs(app, agency.admin.email);
    recruiter = await loginAs(app, agency.recruiter.email);
    other = await loginAs(app, otherAgency.admin.email);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = (as: LoggedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const register = async (path: string, events: string[]) => {
    const response = await call(admin, 'POST', '/api/webhooks', { url: `${base}${path}`, events });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; secret: string };
  };
  const refresh = async () => {
    queued.length = 0;
    await refreshAllInboxes(database, webhooksAfterRefresh(queue));
    return [...queued];
  };
  const deliver = (event: { tenantId: number; deliveryId: number }, retryCount = 0) =>
    deliverWebhook(database, { ...policy, allow: [...policy.allow] }, event, { retryCount, retryLimit: 2 });
  const deliveriesOf = async (endpointId: number, as = admin) =>
    (await call(as, 'GET', `/api/webhooks/${endpointId}/deliveries`)).json().items;

  it('registers only endpoints it may call, for agency admins', async () => {
    for (const url of [
      'http://10.0.0.1/hook',
      'https://169.254.169.254/x',
      'http://example.com/hook',
      'ftp://x/y',
      'nope',
    ])
      expect(
        (await call(admin, 'POST', '/api/webhooks', { url, events: ['candidate.created'] })).statusCode,
      ).toBe(422);
    expect((await call(admin, 'POST', '/api/webhooks', { url: `${base}/ok`, events: [] })).statusCode).toBe(
      400,
    );
    expect(
      (await call(recruiter, 'POST', '/api/webhooks', { url: `${base}/ok`, events: ['candidate.created'] }))
        .statusCode,
    ).toBe(403);
  });

  it('delivers signed events for new candidates, recommended matches and placements', async () => {
    const endpoint = await register('/ok', ['candidate.created', 'match.recommended', 'placement.created']);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const candidate = (
      await call(recruiter, 'POST', '/api/candidates', {
        first_name: 'Ada',
        last_name: 'L',
        email: 'ada@x.test',
      })
    ).json();
    const job = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'w1', 'Dev') RETURNING id`,
    );
    await database.sql.query(
      `INSERT INTO candidate_job_matches (candidate_id, job_posting_id, match_score, is_recommended, match_reasons)
       VALUES ($1, $2, 88, true, ARRAY['Strong Python'])`,
      [candidate.id, job.rows[0]!.id],
    );
    const tasks = await refresh();
    expect(tasks).toHaveLength(2);
    expect(await refresh()).toHaveLength(0);
    for (const task of tasks) expect(await deliver(task)).toBe('succeeded');
    const bodies = received.filter((r) => r.path === '/ok');
    expect(bodies.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      'candidate.created',
      'match.recommended',
    ]);
    const match = JSON.parse(bodies.find((r) => r.body.includes('match.recommended'))!.body);
    expect(match.data).toMatchObject({
      candidate_id: candidate.id,
      match_score: 88,
      reason: 'Strong Python',
    });
    for (const request of bodies) {
      const header = String(request.headers[SIGNATURE_HEADER]);
      expect(verifySignature(endpoint.secret, header, request.body, Math.floor(Date.now() / 1000))).toBe(
        true,
      );
      expect(verifySignature('whsec_wrong', header, request.body, Math.floor(Date.now() / 1000))).toBe(false);
    }
    const log = await deliveriesOf(endpoint.id);
    expect(log.map((d: { status: string }) => d.status)).toEqual(['succeeded', 'succeeded']);
    expect(log[0].attempt_log[0]).toMatchObject({ status_code: 200, error: null });
    expect(log[0].attempt_log[0].duration_ms).toBeGreaterThanOrEqual(0);
    expect((await call(other, 'GET', `/api/webhooks/${endpoint.id}/deliveries`)).statusCode).toBe(404);
    expect((await call(other, 'GET', '/api/webhooks')).json().items).toEqual([]);
    expect(
      (await call(other, 'PATCH', `/api/webhooks/${endpoint.id}`, { is_active: false })).statusCode,
    ).toBe(404);

    const replay = await call(admin, 'POST', `/api/webhooks/deliveries/${log[0].id}/replay`);
    expect(replay.statusCode).toBe(202);
    expect(await deliver(queued.at(-1)!)).toBe('succeeded');
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ replay_of: log[0].id, status: 'succeeded' });
    expect((await call(other, 'POST', `/api/webhooks/deliveries/${log[0].id}/replay`)).statusCode).toBe(404);
  });

  it('retries a 500 and a timeout, refuses a redirect to a private address, cuts a 10 MB answer short', async () => {
    const endpoints = {
      fail: await register('/fail', ['application.status_changed']),
      slow: await register('/slow', ['application.status_changed']),
      redirect: await register('/redirect', ['application.status_changed']),
      huge: await register('/huge', ['application.status_changed']),
    };
    const candidate = (
      await call(recruiter, 'POST', '/api/candidates', {
        first_name: 'Bo',
        last_name: 'B',
        email: 'bo@x.test',
      })
    ).json();
    const job = await database.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title) VALUES ('x', 'w2', 'Ops') RETURNING id`,
    );
    const applied = await call(recruiter, 'POST', '/api/applications', {
      candidate_id: candidate.id,
      job_posting_id: job.rows[0]!.id,
    });
    expect(applied.statusCode).toBe(201);
    const tasks = await refresh();
    expect(tasks).toHaveLength(5); // four application.status_changed, and the first endpoint's candidate.created
    const taskOf = async (endpointId: number) => {
      const [delivery] = await deliveriesOf(endpointId);
      return tasks.find((task) => task.deliveryId === delivery.id)!;
    };

    const failing = await taskOf(endpoints.fail.id);
    await expect(deliver(failing, 0)).rejects.toBeInstanceOf(DeliveryFailed);
    await expect(deliver(failing, 1)).rejects.toBeInstanceOf(DeliveryFailed);
    expect(await deliver(failing, 2)).toBe('failed');
    const failLog = (await deliveriesOf(endpoints.fail.id))[0];
    expect(failLog).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_status_code: 500,
      last_error: 'answered 500',
    });

    const started = Date.now();
    await expect(deliver(await taskOf(endpoints.slow.id), 0)).rejects.toBeInstanceOf(DeliveryFailed);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect((await deliveriesOf(endpoints.slow.id))[0]).toMatchObject({
      status: 'retrying',
      last_error: 'timed out after 400 ms',
    });

    expect(await deliver(await taskOf(endpoints.redirect.id), 0)).toBe('failed');
    expect((await deliveriesOf(endpoints.redirect.id))[0].last_error).toMatch(
      /^refused: redirect to http:\/\/169\.254\.169\.254.*link-local/,
    );

    expect(await deliver(await taskOf(endpoints.huge.id), 0)).toBe('succeeded');
    expect((await deliveriesOf(endpoints.huge.id))[0]).toMatchObject({
      status: 'succeeded',
      last_status_code: 200,
    });
  });
});
