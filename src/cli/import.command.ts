import fs from 'node:fs';
import path from 'node:path';
import { Argument, type Command, Option } from 'commander';
import type { Config } from '../config/config.js';
import { MappingError, parseColumnMapping } from '../domain/jobs/column-mapping.js';
import { AppError } from '../errors.js';
import { getImportBatch, listImportBatches } from '../ingestion/import-batches.js';
import { detectFormat, type RecordFormat } from '../ingestion/read-records.js';
import { expireJobs } from '../jobs/expire-jobs.js';
import { ADMIN_JOB_STATUSES, type AdminJobStatus, setJobStatus } from '../jobs/set-job-status.js';
import { type CliIo, withDatabase } from './cli-io.js';
import { createProgressReporter } from './progress.js';

function parsePositiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw new AppError('bad_request', `"${value}" is not a positive id.`);
  return number;
}

/** Reads the file's first bytes to check it exists, is within the size limit, and to sniff its format. */
function inspectFile(file: string, maxBytes: number): { size: number; head: Buffer } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not_found', `File not found: ${file}`);
  }
  if (!stat.isFile()) throw new AppError('bad_request', `Not a file: ${file}`);
  if (stat.size === 0) throw new AppError('bad_request', `The file is empty: ${file}`);
  if (stat.size > maxBytes) {
    throw new AppError(
      'payload_too_large',
      `The file is ${stat.size} bytes; the import limit is ${maxBytes} bytes (JOBMATCH_IMPORT_MAX_BYTES).`,
    );
  }
  const handle = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(stat.size, 4096));
    fs.readSync(handle, head, 0, head.length, 0);
    return { size: stat.size, head };
  } finally {
    fs.closeSync(handle);
  }
}

/** "row 12: title is required" (not stored) or "row 12 (warning, stored): posted_date ... not stored". */
function describeRowProblem(problem: { row_number: number; reason: string; severity?: string }): string {
  const kind = problem.severity === 'warning' ? ' (warning, row stored)' : '';
  return `row ${problem.row_number}${kind}: ${problem.reason}`;
}

export function registerImportCommands(program: Command, io: CliIo, getConfig: () => Config): void {
  program
    .command('import')
    .description('import job postings from a CSV, JSON or JSON Lines file')
    .argument('<file>', 'the file to import')
    .option(
      '--platform <platform>',
      'platform of rows that do not name their own (e.g. indeed, dice); JobSpy rows name theirs (site)',
    )
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices([
        'csv',
        'json',
        'jsonl',
      ]),
    )
    .option('--map <mapping>', 'column mapping, e.g. "title=Job Title,company=Company Name"')
    .addOption(
      new Option('--encoding <encoding>', 'text encoding')
        .choices(['auto', 'utf-8', 'windows-1252'])
        .default('auto'),
    )
    .option('--json', 'print the result as JSON')
    .option('--quiet', 'no progress output')
    .action(
      async (
        file: string,
        options: {
          platform?: string;
          format?: RecordFormat;
          map?: string;
          encoding: 'auto' | 'utf-8' | 'windows-1252';
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        const config = getConfig();
        const { size, head } = inspectFile(file, config.imports.maxBytes);
        const format = options.format ?? detectFormat(file, head);
        if (!format)
          throw new AppError(
            'bad_request',
            `Cannot tell the format of ${file}; give --format csv|json|jsonl.`,
          );
        let mapping: ReturnType<typeof parseColumnMapping> | undefined;
        try {
          mapping = options.map ? parseColumnMapping(options.map) : undefined;
        } catch (error) {
          if (error instanceof MappingError) throw new AppError('bad_request', `--map: ${error.message}`);
          throw error;
        }
        const progress =
          options.quiet || options.json
            ? undefined
            : createProgressReporter(process.stderr, { totalBytes: size });
        // The runtime (without workers) so that `jobs/imported` is enqueued with the jobs; the server's
        // workers match them (a running `jobmatch serve` at once; on the embedded database, at its next start
        // when none runs). Loaded here: the runtime and the importer are most of the CLI's start time.
        const [{ startRuntime }, { importJobs }, { publishJobsImported }, { createLogger }] =
          await Promise.all([
            import('../runtime.js'),
            import('../ingestion/import-jobs.js'),
            import('../events/events.js'),
            import('../logger.js'),
          ]);
        const runtime = await startRuntime(config, createLogger({ level: 'warn' }), {
          workers: false,
          shareEmbedded: true,
        });
        const result = await importJobs(
          {
            database: runtime.database,
            skills: runtime.skills,
            onJobsImported: publishJobsImported(runtime.queue),
          },
          {
            source: fs.createReadStream(file),
            fileName: path.basename(file),
            format,
            platform: options.platform,
            mapping,
            encoding: options.encoding,
            onProgress: (p) => progress?.update(p.rows, p.bytesRead),
          },
        ).finally(() => runtime.stop());
        progress?.update(result.batch.total_jobs ?? 0, size, true);
        progress?.done();
        if (options.json) {
          io.out(JSON.stringify(result));
          return;
        }
        const b = result.batch;
        io.out(
          `Import ${b.id} (${b.batch_id}) ${b.import_status}: ${b.total_jobs} rows: ${b.new_jobs} new, ` +
            `${b.updated_jobs} updated, ${b.unchanged_jobs} unchanged, ${b.failed_jobs} failed.`,
        );
        for (const error of result.errors.slice(0, 20)) io.out(`  ${describeRowProblem(error)}`);
        if (result.errors.length > 20 || (b.failed_jobs ?? 0) > result.errors.length) {
          io.out(`  ... see all errors with: jobmatch imports show ${b.id}`);
        }
      },
    );

  const imports = program.command('imports').description('job import batches');
  imports
    .command('list')
    .description('recent import batches')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { items: batches } = await withDatabase(getConfig(), (database) => listImportBatches(database));
      if (options.json) return io.out(JSON.stringify(batches));
      for (const b of batches) {
        io.out(
          `${String(b.id).padStart(5)}  ${b.import_status?.padEnd(11)} ${b.platform.padEnd(12)} ${b.total_jobs} rows ` +
            `(${b.new_jobs} new, ${b.updated_jobs} updated, ${b.unchanged_jobs} unchanged, ${b.failed_jobs} failed)  ${b.file_name ?? ''}`,
        );
      }
    });
  imports
    .command('show')
    .description('one import batch with its row errors')
    .argument('<id>', 'batch id', parsePositiveInt)
    .option('--json', 'print JSON')
    .action(async (id: number, options: { json?: boolean }) => {
      const { batch, errors } = await withDatabase(getConfig(), (database) =>
        getImportBatch(database, id, { limit: 10_000 }),
      );
      if (options.json) return io.out(JSON.stringify({ ...batch, errors }));
      io.out(`Import ${batch.id} ${batch.import_status}: ${batch.file_name ?? ''} (${batch.platform})`);
      io.out(
        `  ${batch.total_jobs} rows: ${batch.new_jobs} new, ${batch.updated_jobs} updated, ` +
          `${batch.unchanged_jobs} unchanged, ${batch.failed_jobs} failed`,
      );
      if (batch.error_message) io.out(`  error: ${batch.error_message}`);
      for (const error of errors) io.out(`  ${describeRowProblem(error)}`);
    });

  const jobs = program.command('jobs').description('job postings');
  jobs
    .command('expire')
    .description('mark active jobs older than 30 days expired')
    .action(async () => {
      const count = await withDatabase(getConfig(), (database) => expireJobs(database));
      io.out(`${count} job(s) expired.`);
    });
  jobs
    .command('set-status')
    .description(`set a job's status (${ADMIN_JOB_STATUSES.join(', ')})`)
    .argument('<id>', 'job id', parsePositiveInt)
    .addArgument(new Argument('<status>', 'new status').choices(ADMIN_JOB_STATUSES))
    .action(async (id: number, status: AdminJobStatus) => {
      const job = await withDatabase(getConfig(), (database) => setJobStatus(database, id, status));
      io.out(`Job ${job.id} is now ${job.status}.`);
    });
}
