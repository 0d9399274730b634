import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxFromText, pdfFromText } from '../support/resume-files.js';
import {
  type BrowserSession,
  DEMO,
  openBrowserSession,
  screenshot,
  signIn,
  type TestServer,
} from './harness.js';

const RESUME = [
  'Kiran Rao',
  'Senior Python Developer - Globex Corporation',
  'Hyderabad, Telangana',
  'kiran.rao@example.com | +91 90000 12345',
  '<img src=x onerror="window.__pwned = 1">',
  '',
  'WORK EXPERIENCE',
  '',
  'Senior Python Developer',
  'Globex Corporation - Hyderabad',
  'April 2019 to Present',
  'Django and PostgreSQL services.',
  '',
  'SKILLS',
  'Python (6 years), Django, PostgreSQL, Docker',
].join('\n');

/** Resume intake in a real browser: upload with progress, review beside the source, save. */
describe('resume intake in a browser', () => {
  let app: TestServer;
  let page: Page;
  let consoleErrors: string[];
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession({ defaultTimeout: 20_000 });
    ({ app, page, consoleErrors } = session);
  }, 240_000);

  afterAll(() => session?.close());

  it('uploads resumes with a result per file, shows the draft beside its source, and saves it', async () => {
    await signIn(page, app.url, DEMO.recruiter);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resume intake' }).click();
    await page.getByLabel('Resume files').setInputFiles([
      { name: 'kiran.pdf', mimeType: 'application/pdf', buffer: await pdfFromText(RESUME) },
      {
        name: 'other.docx',
        mimeType: 'application/octet-stream',
        buffer: await docxFromText(
          RESUME.replace('Kiran Rao', 'Leela Das')
            .replace('kiran.rao', 'leela.das')
            .replace('90000 12345', '90000 54321'),
        ),
      },
      { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    ]);
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await uploads.getByText(/photo\.png: .*image/).waitFor();
    await expect
      .poll(() => uploads.getByRole('link', { name: 'review draft' }).count(), { timeout: 30_000 })
      .toBe(2);
    await screenshot(page, 'resume-intake-upload');

    await page.getByRole('table').getByRole('link', { name: 'kiran.pdf' }).click();
    await expect(page.getByLabel(/^Email/).inputValue()).resolves.toBe('kiran.rao@example.com');
    await expect(page.getByLabel(/^Phone/).inputValue()).resolves.toBe('+919000012345');
    await page.getByLabel(/^Email/).focus();
    await expect.poll(() => page.locator('.source-text mark').textContent()).toBe('kiran.rao@example.com');
    await page.getByLabel(/^Current title/).focus();
    await expect.poll(() => page.locator('.source-text mark').textContent()).toBe('Senior Python Developer');
    await expect(page.getByLabel(/^Current employer/).inputValue()).resolves.toBe('Globex Corporation');
    await page.getByLabel(/^Current employer/).focus();
    // The latest job's employer line, not the headline's mention.
    await expect
      .poll(() =>
        page.locator('.source-text mark').evaluate((mark) => mark.previousSibling?.textContent ?? ''),
      )
      .toMatch(/WORK EXPERIENCE\s+Senior Python Developer\s+$/);
    // Resume text is shown as text: the markup in it is neither an element nor run.
    await expect(page.locator('.source-text img').count()).resolves.toBe(0);
    await expect(page.locator('.source-text').textContent()).resolves.toContain('<img src=x onerror=');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await screenshot(page, 'resume-draft-review');

    await page.getByRole('button', { name: 'Save candidate' }).click();
    await page.waitForURL(/\/candidates\/\d+$/);
    await page.getByText('kiran.rao@example.com').first().waitFor();
    await page.getByText('Globex Corporation').first().waitFor();
    expect(consoleErrors.filter((text) => !/409|Conflict/.test(text))).toEqual([]);
  }, 180_000);
});
