/**
 * Reads a generated CSV of N rows (default 1,000,000; 10 columns, one a quoted multi-line description) through
 * readRecords and reports rows/s and peak RSS. Nothing touches the disk: rows are produced as they are pulled.
 *
 *   npx tsx scripts/check-reader-memory.ts [rows]
 */
import { Readable } from 'node:stream';
import { readRecords } from '../src/ingestion/read-records.js';

const CHUNK_BYTES = 64 * 1024;

export function* generatedCsv(rowCount: number): Generator<Buffer> {
  let text = 'id,title,company,location,salary_min,salary_max,currency,posted_at,description,url\r\n';
  for (let row = 1; row <= rowCount; row++) {
    const description =
      `Senior engineer ${row} needed.\nResponsibilities:\n- build "reliable" services, ship weekly\n` +
      `- mentor the team (Go, TypeScript, PostgreSQL)\nSalary: £${50_000 + (row % 40_000)} – negotiable`;
    text +=
      `${row},Software Engineer ${row % 97},"Acme ${row % 503}, Ltd",London,${50_000 + (row % 1000)},` +
      `${70_000 + (row % 1000)},GBP,2026-01-${String((row % 28) + 1).padStart(2, '0')},` +
      `"${description.replaceAll('"', '""')}",https://jobs.example.com/${row}\r\n`;
    if (text.length >= CHUNK_BYTES) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
  }
  if (text.length > 0) yield Buffer.from(text, 'utf8');
}

export async function measureReader(rowCount: number): Promise<{
  records: number;
  errors: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  bytes: number;
}> {
  let peakRssBytes = process.memoryUsage().rss;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const reader = readRecords(Readable.from(generatedCsv(rowCount)), { format: 'csv' });
  let records = 0;
  let errors = 0;
  for await (const item of reader) {
    if (item.kind === 'record') records++;
    else errors++;
    // Sampled in the loop: reading rarely yields to the event loop, so a timer would seldom fire.
    if ((records + errors) % 1000 === 0) peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  return { records, errors, seconds, cpuSeconds, peakRssBytes, bytes: reader.bytesRead() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rowCount = Number(process.argv[2] ?? 1_000_000);
  const result = await measureReader(rowCount);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `${result.records} records, ${result.errors} errors, ${mb(result.bytes)} MB in ${result.seconds.toFixed(1)} s: ` +
      `${Math.round(result.records / result.seconds)} rows/s ` +
      `(${Math.round(result.records / result.cpuSeconds)} rows per CPU second), peak RSS ${mb(result.peakRssBytes)} MB`,
  );
}
