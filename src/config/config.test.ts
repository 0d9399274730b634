import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('defaults to the embedded database under ./data on port 3000', () => {
    const config = parseConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database).toMatchObject({ engine: 'pglite' });
    expect(config.database.engine === 'pglite' && config.database.dataDir).toMatch(/data[\\/]pglite$/);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://u:p@db.internal:5433/jobs',
      JOBMATCH_DB_POOL_SIZE: '4',
    });
    expect(config.database).toEqual({
      engine: 'pg',
      url: 'postgres://u:p@db.internal:5433/jobs',
      poolSize: 4,
      tenantRole: 'jobmatch_app',
    });
    expect(parseConfig({ JOBMATCH_DB_TENANT_ROLE: 'none' }).database.tenantRole).toBeNull();
    expect(() => parseConfig({ JOBMATCH_DB_TENANT_ROLE: 'x; DROP TABLE users' })).toThrow(
      /JOBMATCH_DB_TENANT_ROLE/,
    );
  });

  it('reads the SMTP settings of the e-mail digest, with the public URL for its links', () => {
    expect(parseConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'Jobmatch <jobmatch@localhost>',
      publicUrl: 'http://127.0.0.1:3000',
      digestCron: '0 7 * * *',
    });
    const config = parseConfig({
      JOBMATCH_SMTP_URL: 'smtps://digest:secret@mail.example.com:465',
      JOBMATCH_MAIL_FROM: 'Agency <noreply@example.com>',
      JOBMATCH_PUBLIC_URL: 'https://jobmatch.example.com/',
      JOBMATCH_DIGEST_CRON: '30 6 * * 1-5',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://digest:secret@mail.example.com:465',
      from: 'Agency <noreply@example.com>',
      publicUrl: 'https://jobmatch.example.com',
      digestCron: '30 6 * * 1-5',
    });
    expect(() => parseConfig({ JOBMATCH_SMTP_URL: 'http://mail.example.com' })).toThrow(/JOBMATCH_SMTP_URL/);
    expect(() => parseConfig({ JOBMATCH_DIGEST_CRON: 'daily' })).toThrow(/JOBMATCH_DIGEST_CRON/);
  });

  it('parses sizes with units', () => {
    expect(parseConfig({ JOBMATCH_BODY_LIMIT: '2mb' }).http.bodyLimit).toBe(2 * 1024 * 1024);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        JOBMATCH_BODY_LIMIT: 'huge',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'JOBMATCH_BODY_LIMIT'])
      expect(problems).toContain(name);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).database.engine).toBe('pglite');
  });
});
