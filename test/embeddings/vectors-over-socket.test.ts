import { expect, it } from 'vitest';
import { embedMissing, writeEmbeddings } from '../../src/embeddings/embed-rows.js';
import { fromPgVector } from '../../src/embeddings/vector-math.js';
import { switchableProvider } from '../roles/helpers.js';
import { startPgOverSocket } from '../support/pg-socket.js';

it('writes binary vectors exactly and rebuilds the index after a bulk load, over the PostgreSQL wire protocol', async () => {
  const s = await startPgOverSocket();
  try {
    const db = s.database;
    const { rows } = await db.sql.query<{ id: number }>(
      `INSERT INTO job_postings (platform, external_job_id, title, status) SELECT 's', 's' || n, 'Dev ' || n, 'active' FROM generate_series(1, 30) n RETURNING id`,
    );
    const v = Float32Array.from({ length: 768 }, (_, i) => Math.cos(i) / 3);
    await writeEmbeddings(db.sql, 'job_postings', [rows[0]!.id], [v], 'm');
    const back = await db.sql.query<{ e: string }>(
      `SELECT embedding::text e FROM job_postings WHERE id = $1`,
      [rows[0]!.id],
    );
    expect([...fromPgVector(back.rows[0]!.e)!]).toEqual([...v]);
    const done = await embedMissing(db, await switchableProvider(), {
      table: 'job_postings',
      rebuildIndexFrom: 5,
    });
    expect(done.remaining).toBe(0);
    const idx = await db.sql.query(
      `SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('idx_job_postings_embedding')`,
    );
    expect(idx.rows).toEqual([{ indisvalid: true }]);
  } finally {
    await s.stop();
  }
}, 120_000);
