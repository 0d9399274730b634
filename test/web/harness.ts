import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { parseConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { silentLogger } from '../support/logger.js';

export const CHROMIUM_PATH = process.env.JOBMATCH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOT_DIR = path.resolve(process.cwd(), 'test-output');

export const DEMO = {
  recruiter: { email: 'recruiter@demo.jobmatch.local', password: 'demo-recruiter-pass' },
  agencyAdmin: { email: 'admin@demo.jobmatch.local', password: 'demo-agency-admin-pass' },
  platformAdmin: { email: 'platform@demo.jobmatch.local', password: 'demo-platform-admin-pass' },
};

/**
 * Builds the web application as `npm run build` does, into a folder of its own: other test files serve
 * dist/web at the same time, and a build empties its output folder first.
 */
export function buildWebUi(): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-web-build-'));
  const vite = path.resolve(process.cwd(), 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** The browser, or a clear failure when Debian's Chromium is missing (`apt-get install -y chromium`). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
        '(or set JOBMATCH_CHROMIUM to its path).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The whole application (API, worker, web UI) on a random port, with the demo agency loaded. */
export async function startTestServer(webRoot: string): Promise<TestServer> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'jobmatch-web-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    JOBMATCH_DATA_DIR: dataDir,
    JOBMATCH_DEMO: 'true',
    LOG_LEVEL: 'silent',
    JOBMATCH_WORKER_POLL_SECONDS: '0.5',
  });
  const server = await startServer(config, silentLogger, { webRoot });
  return {
    server,
    url: server.url,
    dataDir,
    stop: async () => {
      await server.stop();
      await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Records console errors and failed page scripts; a test ends by asserting there were none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function signIn(page: Page, baseUrl: string, user: { email: string; password: string }) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await fsp.mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** A signed-in API session for setting things up the way an external client would. */
export async function apiSession(baseUrl: string, user: { email: string; password: string }) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
  return async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${apiPath}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${apiPath}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

export interface BrowserSession {
  app: TestServer;
  browser: Browser;
  /** The first page's context (1280 x 900, en-US): more pages in it share its sign-in. */
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A built web UI served by the whole application, Chromium, and one page watched for console errors. */
export async function openBrowserSession(options: { defaultTimeout: number }): Promise<BrowserSession> {
  const webRoot = buildWebUi();
  const browser = await launchBrowser();
  const app = await startTestServer(webRoot);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(options.defaultTimeout);
  return {
    app,
    browser,
    context,
    page,
    consoleErrors: watchConsole(page),
    async close() {
      await browser.close();
      await app.stop();
      fs.rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
