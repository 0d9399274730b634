import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { normalizeRole } from '../../src/roles/normalize-role.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type SwitchableProvider, seedTestRoles, switchableProvider } from './helpers.js';

describe('normalizeRole on the seeded roles', () => {
  let database: TestDatabase;
  let provider: SwitchableProvider;
  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await switchableProvider();
    const seeded = await seedTestRoles(database, provider);
    expect(seeded.inserted).toBeGreaterThan(100);
    expect(seeded.embeddings.remaining).toBe(0);
  });
  afterAll(() => database.close());

  const roleCount = async () =>
    (await database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM global_roles')).rows[0]!.n;

  it.each([
    ['Sr Python Dev', 'senior'],
    ['Pyhton developer', null],
    ['python engineer II', 'mid'],
  ])('maps "%s" to Python Developer', async (text, seniority) => {
    const result = await normalizeRole(database, provider, text);
    expect(result.role?.name).toBe('Python Developer');
    expect(result.seniority).toBe(seniority);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('never merges Java Developer into Python Developer', async () => {
    const result = await normalizeRole(database, provider, 'Java Developer');
    expect(result).toMatchObject({ role: { name: 'Java Developer' }, method: 'exact', confidence: 1 });
    const unseen = await normalizeRole(database, provider, 'Java Microservices Coder', { create: true });
    expect(unseen.role?.name).not.toBe('Python Developer');
  });

  it.each([
    '',
    'x',
    '🚀🚀🚀',
    '12345',
    'a'.repeat(500),
    'Senior',
    'Sr. Lead',
    'III',
    `${'x'.repeat(100)} developer`,
    'asdf developer',
    '<b>Java</b> Developer',
    "Developer' OR 1=1 --",
    '日本語 developer',
  ])('rejects absurd text %j without creating a role', async (text) => {
    const before = await roleCount();
    const error = await normalizeRole(database, provider, text, { create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect(await roleCount()).toBe(before);
  });

  it('links the known words of a title with a junk word for review instead of creating a role', async () => {
    const before = await roleCount();
    const result = await normalizeRole(database, provider, 'qwrtzpl Java Developer', { create: true });
    expect(result).toMatchObject({ role: { name: 'Java Developer' }, reviewFiled: true });
    expect(result.confidence).toBeLessThan(0.8);
    expect(await roleCount()).toBe(before);
  });

  it.each([
    ['Big Data Developer', 'Data Engineer'],
    ['Snowflake Developer', 'Data Engineer'],
    ['k8s admin', 'DevOps Engineer'],
    ['Джава девелопер', 'Java Developer'],
    ['Пайтон розробник', 'Python Developer'],
  ])('reaches a canonical role for "%s" without creating one', async (text, name) => {
    const before = await roleCount();
    const result = await normalizeRole(database, provider, text, { create: true });
    expect(result.role?.name).toBe(name);
    expect(await roleCount()).toBe(before);
  });

  it('reports no role without create, and creates one with it', async () => {
    const text = 'Quantum Annealing Specialist';
    const before = await roleCount();
    expect(await normalizeRole(database, provider, text)).toMatchObject({ role: null, method: null });
    expect(await roleCount()).toBe(before);
    const created = await normalizeRole(database, provider, text, { create: true });
    expect(created).toMatchObject({ method: 'created', role: { name: 'Quantum Annealing Specialist' } });
    const { rows } = await database.sql.query<{ embedding_model: string | null }>(
      'SELECT embedding_model FROM global_roles WHERE id = $1',
      [created.role!.id],
    );
    expect(rows[0]!.embedding_model).toBe(provider.modelId);
    const again = await normalizeRole(database, provider, 'senior quantum annealing specialist');
    expect(again).toMatchObject({ role: { id: created.role!.id }, method: 'exact', seniority: 'senior' });
  });

  it('creates the role without a vector when the provider is down; the backfill embeds it later', async () => {
    provider.failing = true;
    try {
      const created = await normalizeRole(database, provider, 'Neuromorphic Hardware Tinkerer', {
        create: true,
      });
      expect(created).toMatchObject({ method: 'created', vectorStageAvailable: false });
      const { rows } = await database.sql.query<{ embedding: string | null }>(
        'SELECT embedding::text FROM global_roles WHERE id = $1',
        [created.role!.id],
      );
      expect(rows[0]!.embedding).toBeNull();
    } finally {
      provider.failing = false;
    }
  });
});
