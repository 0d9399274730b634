import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { explainMigrationError } from '../../src/db/migrator.js';
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

  it('a login that may not create pgvector is told that a superuser must', async () => {
    const name = `h_ops_novector_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testServerUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${name} LOGIN`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
      const url = new URL(testServerUrl!);
      url.pathname = `/${name}`;
      url.username = name;
      const { io, err } = captureIo();
      const config = parseConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
      expect(await runCli(['migrate'], io, () => config)).toBe(1);
      expect(err).toEqual([
        'Error: This database login may not create the pgvector extension (only a superuser may): as a superuser run ' +
          'CREATE EXTENSION vector in the database, then jobmatch migrate again (42501).',
      ]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${name}`);
      await admin.end();
    }
  }, 60_000);
});

/** A server that asks for a password and refuses it, as PostgreSQL does for a wrong one (the test server trusts). */
async function refusingServer(): Promise<{ port: number; close(): void }> {
  const field = (type: string, value: string) => Buffer.from(`${type}${value}\0`);
  const server = net.createServer((socket) => {
    let messages = 0;
    socket.on('data', () => {
      messages += 1;
      // AuthenticationCleartextPassword after the startup message, then the error after the password.
      if (messages === 1) return void socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
      const body = Buffer.concat([
        field('S', 'FATAL'),
        field('V', 'FATAL'),
        field('C', '28P01'),
        field('M', 'password authentication failed for user "jobmatch"'),
        Buffer.from([0]),
      ]);
      const head = Buffer.alloc(5);
      head.write('E', 0);
      head.writeInt32BE(body.length + 4, 1);
      socket.end(Buffer.concat([head, body]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

describe('operator errors connecting to a server', () => {
  it('a wrong password is named, with what to correct', async () => {
    const server = await refusingServer();
    try {
      const { io, err } = captureIo();
      const url = `postgres://jobmatch:wrong@127.0.0.1:${server.port}/jobmatch`;
      expect(await runCli(['db:status'], io, () => parseConfig({ DATABASE_URL: url }))).toBe(1);
      expect(err).toEqual([
        `Error: Cannot connect to PostgreSQL at 127.0.0.1:${server.port}/jobmatch: wrong password for user "jobmatch": correct DATABASE_URL (28P01)`,
      ]);
    } finally {
      server.close();
    }
  });

  it('nothing listening is named', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const { io, err } = captureIo();
    const url = `postgres://jobmatch@127.0.0.1:${port}/jobmatch`;
    expect(await runCli(['db:status'], io, () => parseConfig({ DATABASE_URL: url }))).toBe(1);
    expect(err).toEqual([
      `Error: Cannot connect to PostgreSQL at 127.0.0.1:${port}/jobmatch: nothing is listening there: is PostgreSQL running, and are host and port right? (ECONNREFUSED)`,
    ]);
  });

  it('a server without pgvector is told what to install', () => {
    const missing = Object.assign(
      new Error(
        'could not open extension control file "/usr/share/postgresql/15/extension/vector.control": No such file or directory',
      ),
      { code: '58P01' },
    );
    expect(() => explainMigrationError(missing)).toThrow(
      'The PostgreSQL server has no pgvector extension: install it (Debian: apt-get install postgresql-15-pgvector) ' +
        'and run jobmatch migrate again (58P01).',
    );
  });
});

describe('operator errors on the embedded engine', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it('a data dir that is not writable is named, with what to do', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-readonly-'));
    dirs.push(dir);
    await fs.chmod(dir, 0o555);
    // As root nothing is read-only: run the command as an unprivileged user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'keys', 'list'], {
      env: { ...process.env, JOBMATCH_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...asUser,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Error: The data dir ${path.join(dir, 'pglite')} is not writable by this user (EACCES): fix its permissions or set JOBMATCH_DATA_DIR.`,
    );
  }, 60_000);

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
