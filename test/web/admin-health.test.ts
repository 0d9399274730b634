import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK } from '../../src/worker/tasks.js';
import { type BrowserSession, DEMO, openBrowserSession, screenshot, signIn } from './harness.js';

/** The platform admin's health page in a real browser: what `GET /api/admin/health` reports, and retry. */
describe('admin health page in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowserSession({ defaultTimeout: 15_000 });
  }, 240_000);
  afterAll(() => session?.close());

  it('shows database, workers, queues, failed tasks and scrapers, and retries a failed task', async () => {
    const { app, page, consoleErrors } = session;
    // A task that failed for good, as the worker leaves one (its queue's handler succeeds when it runs again).
    await app.server.runtime.database.sql.query(
      `INSERT INTO pgboss.job (name, data, state, retry_count, retry_limit, output, completed_on)
       VALUES ($1, '{}', 'failed', 2, 2, '{"message": "the disk was full"}', now())`,
      [TASK.expireJobs],
    );
    await signIn(page, app.url, DEMO.platformAdmin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System health' }).click();

    await page.getByRole('heading', { name: 'System health' }).waitFor();
    expect(await page.getByTestId('health-database').textContent()).toMatch(
      /embedded \(PGlite\) at .*: reachable, \d+ migrations applied, none pending\./,
    );
    await page.getByRole('heading', { name: 'Workers (1 alive)' }).waitFor();
    expect(await page.getByRole('cell', { name: String(process.pid), exact: true }).count()).toBe(1);
    await page.getByRole('cell', { name: TASK.expireJobs, exact: true }).first().waitFor();
    const failed = page.getByTestId('failed-task').filter({ hasText: 'the disk was full' });
    await failed.waitFor();
    expect(await page.getByRole('heading', { name: 'Scrapers' }).count()).toBe(1);
    await screenshot(page, 'admin-health');

    await failed.getByRole('button', { name: /^Retry / }).click();
    await failed.waitFor({ state: 'detached' });
    // The worker runs it again; it completes and is not listed as failed after a refresh.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return page.getByTestId('failed-task').filter({ hasText: 'the disk was full' }).count();
        },
        { timeout: 20_000 },
      )
      .toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
