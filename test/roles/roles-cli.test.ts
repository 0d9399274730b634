import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { type Config, parseConfig } from '../../src/config/config.js';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('jobmatch roles and embeddings commands', () => {
  let dir: string;
  let config: Config;
  const run = async (...argv: string[]) => {
    const captured = captureIo();
    const code = await runCli(argv, captured.io, () => config);
    return { code, ...captured };
  };
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-roles-'));
    config = parseConfig({ JOBMATCH_DATA_DIR: dir });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('seeds idempotently, normalizes, lists, checks and reports embedding status', {
    timeout: 180_000,
  }, async () => {
    const seeded = await run('roles', 'seed');
    expect(seeded.code).toBe(0);
    expect(seeded.out[0]).toMatch(/110 added, 0 already present; 110 embedded, 0 still without a vector/);
    expect((await run('roles', 'seed')).out[0]).toMatch(/0 added, 110 already present/);

    const normalized = await run('roles', 'normalize', 'Sr Python Dev');
    expect(JSON.parse(normalized.out[0]!)).toMatchObject({
      text: 'Sr Python Dev',
      role: { name: 'Python Developer' },
      seniority: 'senior',
    });
    const unknown = await run('roles', 'normalize', 'Quantum Annealing Specialist');
    expect(JSON.parse(unknown.out[0]!)).toMatchObject({ role: null, method: null });
    const created = await run('roles', 'normalize', '--create', 'Quantum Annealing Specialist');
    expect(JSON.parse(created.out[0]!)).toMatchObject({ method: 'created' });
    const invalid = await run('roles', 'normalize', '🚀');
    expect(invalid.code).toBe(1);
    expect(invalid.err[0]).toMatch(/Invalid role/);

    const listed = await run('roles', 'list', '--search', 'python', '--json');
    expect(JSON.parse(listed.out[0]!).items.map((r: { name: string }) => r.name)).toContain(
      'Python Developer',
    );
    expect((await run('roles', 'check')).out).toEqual(['Candidate counts are exact.']);

    const status = await run('embeddings', 'status', '--json');
    const parsed = JSON.parse(status.out[0]!);
    expect(parsed.tables.find((t: { table: string }) => t.table === 'global_roles')).toMatchObject({
      eligible: 111,
      current: 111,
      missing: 0,
    });
    const reembed = await run('embeddings', 'reembed', '--table', 'global_roles');
    expect(reembed.code).toBe(0);
    expect(reembed.out[0]).toMatch(/global_roles: 0 embedded .* 0 remaining/);
    expect((await run('roles', 'priority', '1', 'urgent')).out[0]).toMatch(/urgent/);
  });

  it('files low-confidence links for review; an admin lists and confirms them', async () => {
    const linked = await run('roles', 'normalize', '--create', 'Staff Engineer, Payments Platform');
    expect(JSON.parse(linked.out[0]!)).toMatchObject({
      role: { name: 'Software Engineer' },
      reviewFiled: true,
      cleaned: 'engineer',
    });
    const listed = await run('roles', 'reviews', '--json');
    const [review] = JSON.parse(listed.out[0]!).items;
    expect(review).toMatchObject({
      role_text: 'Staff Engineer, Payments Platform',
      role_name: 'Software Engineer',
    });
    const closed = await run('roles', 'review', String(review.id), 'confirm');
    expect(closed.out[0]).toMatch(/confirmed/);
    expect((await run('roles', 'reviews')).out).toEqual(['0 open review(s)']);
    const refused = await run('roles', 'normalize', '--create', 'asdf qwerty');
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/names no role/);
  }, 120_000);
});
