import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScraperClient } from '../../src/scraper/client.js';
import {
  apiSession,
  type BrowserSession,
  DEMO,
  openBrowserSession,
  screenshot,
  signIn,
  type TestServer,
  watchConsole,
} from './harness.js';

/**
 * The main flows in a real browser against the whole application (API, worker, built UI) with the demo
 * agency loaded. The tests run in order and build on each other: one server and one browser for all.
 */
describe('web application in a browser', () => {
  let app: TestServer;
  let browser: Browser;
  let recruiter: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let session: BrowserSession;
  let candidateId: number;
  const candidateName = 'Elixa Webtest';

  beforeAll(async () => {
    session = await openBrowserSession({ defaultTimeout: 15_000 });
    ({ app, browser, context: recruiter, page, consoleErrors } = session);
  }, 180_000);

  afterAll(() => session?.close());

  it('signs a recruiter in, shows who they are and offers only their pages', async () => {
    await page.goto(`${app.url}/candidates`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(DEMO.recruiter.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();

    await signIn(page, app.url, DEMO.recruiter);
    await page.waitForURL(/\/home$/);
    await page.goto(`${app.url}/candidates`);
    const who = (await page.getByTestId('who').textContent()) ?? '';
    expect(who).toContain('Demo Staffing');
    expect(who).toContain('Recruiter');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Candidates' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'API keys' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Settings & users' }).count()).resolves.toBe(0);
    await page.locator('table tbody tr').first().waitFor();
    await screenshot(page, 'candidates-1280');

    const phone = await recruiter.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${app.url}/candidates`);
    await phone.locator('table tbody tr').first().waitFor();
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'candidates-390');
    await phone.close();
  });

  it('creates a candidate with a preferred role; matches appear after a scraper imports jobs for it', async () => {
    await page.getByRole('link', { name: 'New candidate' }).click();
    await page.getByLabel('First name').fill('Elixa');
    await page.getByLabel('Last name').fill('Webtest');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Current title').fill('Elixir Developer');
    await page.getByLabel('Years of experience').fill('6');
    await page.getByLabel('Skills').fill('Elixir, Phoenix, PostgreSQL, Docker');
    await page.getByLabel('Location', { exact: true }).fill('Austin, TX');
    await page.getByLabel('Preferred locations').fill('Remote');
    await page.getByLabel('Preferred roles').fill('Elixir Developer');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.field.invalid .field-error').first().waitFor();
    await page.getByLabel('Email').fill('elixa.webtest@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/candidates\/\d+$/);
    candidateId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByText('Approve the candidate').waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByRole('heading', { name: /Status/ })
      .locator('.badge', { hasText: 'approved' })
      .waitFor();

    // A scraper claims the candidate's (new) role and posts jobs for it, through the public scraper API.
    const asRecruiter = await apiSession(app.url, DEMO.recruiter);
    const asAdmin = await apiSession(app.url, DEMO.platformAdmin);
    const detail = await asRecruiter<{ role_mappings: { global_role_id: number; role_name: string }[] }>(
      'GET',
      `/api/candidates/${candidateId}`,
    );
    const roleId = detail.role_mappings[0]?.global_role_id;
    expect(roleId).toBeDefined();
    await asAdmin('PATCH', `/api/admin/roles/${roleId}`, { priority: 'urgent' });
    const { secret } = await asAdmin<{ secret: string }>('POST', '/api/admin/scraper-keys', {
      name: 'browser-test',
    });
    const scraper = new ScraperClient({ baseUrl: app.url, apiKey: secret });
    let posted = false;
    for (let attempt = 0; attempt < 10 && !posted; attempt += 1) {
      const claim = await scraper.claim();
      if (!claim) break;
      const ours = claim.role.id === roleId;
      await scraper.postJobs(claim.session_id, ours ? elixirJobs() : []);
      posted = ours;
    }
    expect(posted).toBe(true);

    // The worker scores the new jobs; the candidate page shows the matches once they exist.
    const deadline = Date.now() + 60_000;
    const elixirMatches = page.locator('.match-list li', { hasText: 'Elixir' });
    while ((await elixirMatches.count()) === 0) {
      if (Date.now() > deadline) throw new Error('no matches appeared within 60 s');
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: 'Matches' }).waitFor();
      await page.locator('.match-list, .empty').first().waitFor();
    }
  }, 120_000);

  it('opens a match (marking it viewed), shows its breakdown, shortlists and applies', async () => {
    await page.locator('.match-list li', { hasText: 'Elixir' }).first().getByRole('button').click();
    const panel = page.getByTestId('match-panel');
    await panel.getByText('Score breakdown').waitFor();
    await panel.locator('.badge', { hasText: 'viewed' }).waitFor();
    await expect(panel.getByRole('meter').count()).resolves.toBe(5);
    await panel.getByRole('button', { name: 'Shortlist' }).click();
    await panel.locator('.badge', { hasText: 'shortlisted' }).waitFor();
    await panel.getByRole('button', { name: 'Apply' }).click();
    await panel.getByText('Applied.').waitFor();
    await panel.locator('.badge', { hasText: 'applied' }).waitFor();
    // Without a reload: the match list and the candidate's applications show the new state.
    await page.locator('.match-list li button[aria-pressed="true"] .badge', { hasText: 'applied' }).waitFor();
    await page.locator('section[aria-labelledby="cand-apps-title"] li', { hasText: 'Elixir' }).waitFor();
    await screenshot(page, 'candidate-match');
  });

  it('moves the application through the pipeline and shows the server refusing an invalid move', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    const card = (stage: string) => page.locator(`[data-stage="${stage}"] .card`, { hasText: candidateName });
    await card('applied').waitFor();
    await card('applied').getByRole('button', { name: '→ screening' }).click();
    await card('screening').waitFor();
    await card('screening').getByRole('button', { name: '→ interviewing' }).click();
    await card('interviewing').waitFor();

    await card('interviewing').getByLabel(`Move ${candidateName} to`).selectOption('accepted');
    await card('interviewing').getByRole('button', { name: 'Move', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(((await refusal.textContent()) ?? '').length).toBeGreaterThan(5);
    await expect(card('interviewing').count()).resolves.toBe(1);
    await screenshot(page, 'pipeline');

    // Drag and drop between columns (HTML5 drag events) moves the card too.
    await card('interviewing').dragTo(page.locator('[data-stage="offer"]'));
    await card('offer').waitFor();
    await page.getByRole('status').filter({ hasText: 'moved to offer' }).waitFor();
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('signs in and opens a match using only the keyboard, with a visible focus ring', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const keys = await context.newPage();
    keys.setDefaultTimeout(15_000);
    const errors = watchConsole(keys);
    await keys.goto(`${app.url}/`);
    await tabTo(keys, (el) => el.labels === 'Email');
    await keys.keyboard.type(DEMO.recruiter.email);
    await keys.keyboard.press('Tab');
    await keys.keyboard.type(DEMO.recruiter.password);
    await keys.keyboard.press('Enter');
    await keys.getByTestId('who').waitFor();
    await tabTo(keys, (el) => el.tag === 'A' && el.text === 'Candidates');
    await keys.keyboard.press('Enter');

    await tabTo(keys, (el) => el.labels === 'Name or email');
    await keys.keyboard.type('Webtest');
    await keys.keyboard.press('Enter');
    await keys.locator('table tbody tr', { hasText: candidateName }).waitFor();
    const link = await tabTo(keys, (el) => el.tag === 'A' && el.text.includes(candidateName));
    expect(link.outline).not.toBe('none');
    await keys.keyboard.press('Enter');
    await keys.waitForURL(/\/candidates\/\d+$/);
    await keys.locator('.match-list').waitFor();
    await tabTo(keys, (el) => el.tag === 'BUTTON' && el.text.includes('Elixir'));
    await keys.keyboard.press('Enter');
    await keys.getByTestId('match-panel').getByText('Score breakdown').waitFor();
    await screenshot(keys, 'keyboard-match');
    // Signed out, the start-up session check answers 200 too: nothing at all in the console.
    expect(errors).toEqual([]);
    await context.close();
  });

  it("corrects a preferred role's mapping by choosing the right role", async () => {
    await page.goto(`${app.url}/candidates/${candidateId}`);
    await page.getByRole('button', { name: 'Wrong role?' }).first().click();
    await page.getByLabel(/Which role should/).fill('Data Engineer');
    await page.getByRole('button', { name: 'Use Data Engineer' }).click();
    await page.getByRole('status').filter({ hasText: 'now maps to Data Engineer' }).waitFor();
    await page.getByText('chosen by a recruiter').waitFor();
    await screenshot(page, 'role-corrected');
  });

  it('lays the candidate detail page out at 390 px without horizontal overflow', async () => {
    const phone = await recruiter.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${app.url}/candidates/${candidateId}`);
    await phone.locator('.match-list li').first().getByRole('button').click();
    await phone.getByTestId('match-panel').getByText('Score breakdown').waitFor();
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'candidate-detail-390');
    await phone.getByRole('button', { name: 'Menu' }).click();
    await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).waitFor();
    await phone.keyboard.press('Escape');
    await phone.getByRole('link', { name: 'Jobs' }).waitFor({ state: 'hidden' });
    await phone.close();
  });

  it('validates the matching weights as they are typed and previews how sample matches change', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const admin = await context.newPage();
    admin.setDefaultTimeout(15_000);
    await signIn(admin, app.url, DEMO.agencyAdmin);
    await admin.goto(`${app.url}/settings`);
    const save = admin.getByRole('button', { name: 'Save', exact: true });
    await admin.getByLabel('Salary weight').fill('1.4');
    await admin.getByText('Must be from 0 to 1.').waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await admin.getByLabel('Salary weight').fill('0.2');
    await admin.getByTestId('weight-sum').getByText('1.1', { exact: true }).waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await admin.getByLabel('Semantic weight').fill('0.15');
    await admin.getByTestId('weight-sum').getByText('1', { exact: true }).waitFor();
    await expect(save.isDisabled()).resolves.toBe(false);
    await admin.getByRole('button', { name: 'Preview' }).click();
    await admin.getByRole('heading', { name: /Preview on/ }).waitFor();
    await expect(admin.getByRole('columnheader', { name: 'Change' }).count()).resolves.toBe(1);
    await screenshot(admin, 'settings-preview');

    // The list size and floor: blank is the server default; a size out of range blocks saving.
    await admin.reload();
    const listSize = admin.getByLabel('Suggested matches kept per candidate');
    await listSize.fill('1001');
    await admin.getByText(/Enter a whole number from 0 to 1000/).waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await listSize.fill('50');
    await save.click();
    await admin.getByText('Saved. Matches are rescored in the background.').waitFor();
    await admin.reload();
    await expect(admin.getByLabel('Suggested matches kept per candidate').inputValue()).resolves.toBe('50');
    await expect(admin.getByLabel('Keep suggested matches scoring at least').inputValue()).resolves.toBe('');
    await context.close();
  });

  it('lets the platform admin create and revoke an API key and upload a job import', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const admin = await context.newPage();
    admin.setDefaultTimeout(15_000);
    const errors = watchConsole(admin);
    await signIn(admin, app.url, DEMO.platformAdmin);
    expect((await admin.getByTestId('who').textContent()) ?? '').toContain('Platform admin');
    const nav = admin.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Candidates' }).count()).resolves.toBe(0);

    await nav.getByRole('link', { name: 'API keys' }).click();
    await admin.getByLabel('Name').fill('ui-created-key');
    await admin.getByRole('button', { name: 'Create key' }).click();
    const secret = (await admin.getByTestId('secret').textContent()) ?? '';
    expect(secret).toMatch(/^jm_sk_/);
    const row = admin.getByTestId('key-ui-created-key');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.locator('.badge', { hasText: 'revoked' }).waitFor();
    await screenshot(admin, 'admin-keys');

    await nav.getByRole('link', { name: 'Job imports' }).click();
    await admin.getByLabel('Platform').fill('browser-upload');
    await admin.getByLabel('Format').selectOption('csv');
    await admin.getByLabel('Encoding').selectOption('utf-8');
    await admin.getByLabel('Column mapping').fill('title=Job Title,company=Company Name');
    await admin.locator('input[type=file]').setInputFiles({
      name: 'jobs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Job Title,Company Name,location,salary_range\nGo Developer,Acme,"Denver, CO",$120K - $140K\n,Nobody,Remote,\n',
      ),
    });
    const result = admin.getByTestId('import-result');
    await result.waitFor();
    expect((await result.textContent()) ?? '').toContain('1 new');
    await admin.locator('.row-errors').getByRole('cell', { name: 'title', exact: true }).waitFor();
    await admin.locator('tbody tr', { hasText: 'jobs.csv' }).first().waitFor();
    await screenshot(admin, 'admin-imports');

    await nav.getByRole('link', { name: 'Scrape sessions' }).click();
    await admin.locator('svg.chart').waitFor();
    await screenshot(admin, 'admin-sessions');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await context.close();
  });
});

function elixirJobs() {
  return ['Senior Elixir Developer', 'Elixir Engineer', 'Backend Elixir Developer'].map((title, index) => ({
    external_job_id: `browser-test-${index}`,
    platform: 'browser-test-board',
    title,
    company: `Functional Co ${index}`,
    location: 'Remote - US',
    is_remote: true,
    description: `We build distributed systems in Elixir and Phoenix on PostgreSQL. ${title}.`,
    requirements: '4+ years of Elixir, Phoenix, PostgreSQL; Docker is a plus.',
    skills: ['Elixir', 'Phoenix', 'PostgreSQL', index === 0 ? 'Kubernetes' : 'Docker'],
    salary_min: 130_000,
    salary_max: 165_000,
    salary_currency: 'USD',
    salary_period: 'year',
    experience_required: '4+ years',
    employment_type: 'full-time',
  }));
}

interface FocusedElement {
  tag: string;
  text: string;
  labels: string;
  outline: string;
}

/** Runs in the page (the tests compile without the DOM library): what has the keyboard focus. */
const DESCRIBE_FOCUSED = `(() => {
  const element = document.activeElement;
  return {
    tag: element ? element.tagName : '',
    text: element ? element.textContent || '' : '',
    labels: element && element.labels && element.labels[0] ? element.labels[0].textContent.trim() : '',
    outline: element ? getComputedStyle(element).outlineStyle : 'none',
  };
})()`;

/** Presses Tab until the focused element passes `wanted` (at most 80 times); returns that element. */
async function tabTo(page: Page, wanted: (element: FocusedElement) => boolean): Promise<FocusedElement> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<FocusedElement>(DESCRIBE_FOCUSED);
    if (wanted(focused)) return focused;
  }
  throw new Error('Tab never reached the wanted element');
}
