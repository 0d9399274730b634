import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm start` runs scripts/build-if-changed.mjs: it builds only when a source is newer than the last build. */
describe('npm start builds only when sources changed', () => {
  let root: string;
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('builds a fresh checkout, not an unchanged one, and again after a source changes', async () => {
    // A checkout of its own whose build only records that it ran (and stamps, as the real one does).
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-build-if-changed-'));
    await fs.mkdir(path.join(root, 'scripts'));
    await fs.mkdir(path.join(root, 'src'));
    await fs.mkdir(path.join(root, 'dist'));
    await fs.copyFile(
      path.resolve('scripts/build-if-changed.mjs'),
      path.join(root, 'scripts', 'build-if-changed.mjs'),
    );
    await fs.writeFile(path.join(root, 'src', 'main.ts'), 'export {};\n');
    const build = `require('fs').appendFileSync('builds.log', 'built\\n'); require('fs').writeFileSync('dist/.build-stamp', '')`;
    await fs.writeFile(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'checkout', private: true, scripts: { build: `node -e "${build}"` } }),
    );
    const start = () =>
      execFileSync(process.execPath, ['scripts/build-if-changed.mjs'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    const builds = async () =>
      (await fs.readFile(path.join(root, 'builds.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean)
        .length;

    start();
    expect(await builds()).toBe(1);
    start();
    start();
    expect(await builds()).toBe(1);
    // A source edited after the build (mtime later than the stamp).
    const later = new Date(Date.now() + 5_000);
    await fs.utimes(path.join(root, 'src', 'main.ts'), later, later);
    start();
    expect(await builds()).toBe(2);
  }, 60_000);
});
