import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { describeOnServer, testServerUrl } from '../support/pg-server.js';

function captureIo(): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return { io: { out: () => {}, err: (line) => err.push(line) }, err };
}

/** Operator mistakes end in one plain line (exit 1), never a stack trace or a bare SQLSTATE. */
describeOnServer('operator errors on a server', () => {
  it('a database that does not exist says so and how to create it', async () => {
    const url = new URL(testServerUrl!);
    url.pathname = '/h_ops_no_such_database';
    const { io, err } = captureIo();
    const code = await runCli(['db:status'], io, () => parseConfig({ DATABASE_URL: url.toString() }));
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/the database "h_ops_no_such_database" does not exist: create it \(createdb/);
  });
});

describe('operator errors on the embedded engine', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it('a port in use is named, with what to do', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-port-'));
    dirs.push(dir);
    try {
      const { io, err } = captureIo();
      const config = parseConfig({
        JOBMATCH_DATA_DIR: dir,
        PORT: String(port),
        JOBMATCH_DEMO: 'false',
        LOG_LEVEL: 'silent',
      });
      expect(await runCli(['serve'], io, () => config)).toBe(1);
      expect(err.join('\n')).toBe(
        `Error: Port ${port} on 127.0.0.1 is in use by another program: stop it or set PORT.`,
      );
    } finally {
      blocker.close();
    }
  }, 180_000);
});
