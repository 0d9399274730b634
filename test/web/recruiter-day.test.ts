import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  DEMO,
  openBrowserSession,
  screenshot,
  signIn,
  type TestServer,
  watchConsole,
} from './harness.js';

/** The recruiter's day in a real browser on the demo agency: home page, inbox, undo, a placement; 1280 and 390 px. */
describe("the recruiter's day in a browser", { timeout: 180_000 }, () => {
  let app: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession({ defaultTimeout: 30_000 });
    ({ app, browser, context: context, page, consoleErrors } = session);
  }, 480_000);

  afterAll(() => session?.close());

  /** A browser context of its own, signed in as the demo agency's admin at 1280 px. */
  const signInAgencyAdmin = async () => {
    const adminContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(30_000);
    const errors = watchConsole(admin);
    await signIn(admin, app.url, DEMO.agencyAdmin);
    return { adminContext, admin, errors };
  };
  const noOverflow = async (target: Page) =>
    expect(
      await target.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
  const onPhone = async (path: string, ready: (phone: Page) => Promise<void>, name: string) => {
    const phone = await context.newPage();
    phone.setDefaultTimeout(30_000);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${app.url}${path}`);
    await ready(phone);
    await noOverflow(phone);
    await screenshot(phone, name);
    return phone;
  };

  it('lands a recruiter on the home page with new matches, alerts and charts', async () => {
    await signIn(page, app.url, DEMO.recruiter);
    await page.waitForURL(/\/home$/);
    const fresh = page.getByTestId('home-new-matches');
    await fresh.locator('.home-group').first().waitFor();
    await page.getByRole('heading', { name: 'No match in 7 days' }).waitFor();
    await page.getByRole('heading', { name: /Waiting over 7 days/ }).waitFor();
    await page.getByRole('list', { name: 'Funnel from matched to placed' }).waitFor();
    await page.getByRole('img', { name: 'New matches per day' }).waitFor();
    expect(Number(await page.getByTestId('inbox-badge').textContent())).toBeGreaterThan(0);
    await screenshot(page, 'home-1280');
    await (
      await onPhone(
        '/home',
        (phone) => phone.getByTestId('home-new-matches').locator('.home-group').first().waitFor(),
        'home-390',
      )
    ).close();
  });

  it('shows the inbox and counts down the badge when an entry is read', async () => {
    const before = Number(await page.getByTestId('inbox-badge').textContent());
    await page.getByTestId('inbox-badge').click();
    await page.waitForURL(/\/inbox$/);
    const first = page.locator('.inbox li.unread').first();
    await first.waitFor();
    await first.getByRole('button', { name: 'Mark read' }).click();
    await page
      .getByTestId('inbox-badge')
      .filter({ hasText: String(before - 1) })
      .waitFor();
    await page.getByLabel('E-mail digest').selectOption('weekly');
    await page.reload();
    await page.getByLabel('E-mail digest').and(page.locator(':enabled')).waitFor();
    expect(await page.getByLabel('E-mail digest').inputValue()).toBe('weekly');
    await screenshot(page, 'inbox-1280');
    await (
      await onPhone('/inbox', (phone) => phone.locator('.inbox li').first().waitFor(), 'inbox-390')
    ).close();
  });

  it('undoes a pipeline move', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    const card = page.locator('[data-stage="applied"] .card').first();
    await card.waitFor();
    const name = (await card.locator('a').first().textContent()) ?? '';
    await card.getByRole('button', { name: '→ screening' }).click();
    const status = page.getByRole('status').filter({ hasText: `${name} moved to screening` });
    await status.waitFor();
    await page.locator('[data-stage="screening"] .card', { hasText: name }).waitFor();
    await status.getByRole('button', { name: 'Undo' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Undone: ${name} is back in applied` })
      .waitFor();
    await page.locator('[data-stage="applied"] .card', { hasText: name }).waitFor();
    await screenshot(page, 'undo-1280');
  });

  it('records a placement from an offer with the margin shown before and after', async () => {
    const offer = page.locator('[data-stage="offer"] .card').first();
    await offer.waitFor();
    const name = (await offer.locator('a').first().textContent()) ?? '';
    await offer.getByRole('button', { name: '→ accepted' }).click();
    const form = page.getByTestId('placement-form');
    await form.getByLabel('Pay rate', { exact: true }).fill('60');
    await form.getByLabel('Bill rate', { exact: true }).fill('80');
    await form.getByTestId('margin-preview').filter({ hasText: '$20 (25%)' }).waitFor();
    await screenshot(page, 'placement-form-1280');
    await form.getByRole('button', { name: 'Accept offer and record placement' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} placed; margin $20` })
      .waitFor();
    await page.locator('[data-stage="accepted"] .card', { hasText: name }).waitFor();
    await page.getByRole('heading', { name: 'Placements' }).waitFor();
    await screenshot(page, 'placement-1280');

    const phone = await onPhone(
      '/applications',
      (p) => p.locator('[data-stage="offer"] .card').first().waitFor(),
      'board-390',
    );
    // The board scrolls sideways inside itself; the page does not.
    expect(
      await phone.evaluate<boolean>(
        "(() => { const b = document.querySelector('.board'); return b.scrollWidth > b.clientWidth; })()",
      ),
    ).toBe(true);
    await phone
      .locator('[data-stage="offer"] .card')
      .first()
      .getByRole('button', { name: '→ accepted' })
      .click();
    const phoneForm = phone.getByTestId('placement-form');
    await phoneForm.getByLabel('Permanent (fee)').check();
    await phoneForm.getByLabel('Annual salary').fill('100000');
    await phoneForm.getByLabel('Fee', { exact: true }).fill('20000');
    await phoneForm.getByTestId('margin-preview').filter({ hasText: '(20%)' }).waitFor();
    await screenshot(phone, 'placement-form-390');
    await phoneForm.getByRole('button', { name: 'Accept offer and record placement' }).click();
    await phone.getByRole('status').filter({ hasText: 'placed; margin' }).waitFor();
    await phone.close();
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('lets the agency admin configure a webhook endpoint', async () => {
    const { adminContext, admin, errors } = await signInAgencyAdmin();
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await admin.getByLabel('HTTPS URL').fill('http://10.0.0.7/hook');
    await admin.getByRole('button', { name: 'Register endpoint' }).click();
    await admin
      .getByText(/private address/)
      .first()
      .waitFor();
    await admin.getByLabel('HTTPS URL').fill('https://hooks.example.com/jobmatch');
    await admin.getByLabel('placement.created').check();
    await admin.getByRole('button', { name: 'Register endpoint' }).click();
    const panel = admin.getByRole('region', { name: 'Endpoint https://hooks.example.com/jobmatch' });
    await panel.getByText('match.recommended, placement.created').waitFor();
    await panel.getByRole('button', { name: 'Show secret' }).click();
    await panel.getByText(/^whsec_/).waitFor();
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('button', { name: 'Resume' }).waitFor();
    await screenshot(admin, 'webhooks-1280');
    await admin.setViewportSize({ width: 390, height: 844 });
    await noOverflow(admin);
    await screenshot(admin, 'webhooks-390');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await adminContext.close();
  });

  it('lets the agency admin create a read key for the recruiter API and revoke it', async () => {
    const { adminContext, admin, errors } = await signInAgencyAdmin();
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await admin.getByLabel('Name').fill('ATS <sync>');
    await admin.getByLabel('Scope').selectOption('read');
    await admin.getByRole('button', { name: 'Create key' }).click();
    const secret = (await admin.getByTestId('secret').textContent()) ?? '';
    expect(secret).toMatch(/^jm_tk_[0-9A-Za-z]{49}$/);
    const row = admin.getByTestId('key-ATS <sync>');
    await row.getByText('read', { exact: true }).waitFor();
    const answer = await admin.evaluate(
      async (key) => (await fetch('/api/candidates', { headers: { authorization: `Bearer ${key}` } })).status,
      secret,
    );
    expect(answer).toBe(401); // the page's own session cookie is sent too: one credential at a time
    await screenshot(admin, 'api-keys-1280');
    await admin.setViewportSize({ width: 390, height: 844 });
    await noOverflow(admin);
    await screenshot(admin, 'api-keys-390');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^revoked /).waitFor();
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await adminContext.close();
  });
});
