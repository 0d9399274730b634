import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { AppError } from '../errors.js';
import { ScraperClient } from '../scraper/client.js';
import { loadJobsFile, runFileScraper } from '../scraper/file-scraper.js';
import type { CliIo } from './cli-io.js';

export function registerScraperCommands(program: Command, io: CliIo, getConfig: () => Config): void {
  program
    .command('scraper')
    .description('a reference scraper that drives the scrape queue over HTTP')
    .command('run')
    .description('claim roles until the queue is empty, posting the jobs from a file that fit each role')
    .option('--jobspy-csv <file>', "JobSpy's CSV output")
    .option('--jobs-json <file>', "a JSON array in Jobmatch's job schema")
    .option('--url <url>', 'Jobmatch base URL (default: JOBMATCH_API_URL or this machine on PORT)')
    .option('--key <key>', 'scraper API key (default: JOBMATCH_SCRAPER_KEY)')
    .option('--max-sessions <n>', 'stop after this many sessions', (value) => Number.parseInt(value, 10))
    .option('--json', 'print one JSON object per session')
    .action(
      async (options: {
        jobspyCsv?: string;
        jobsJson?: string;
        url?: string;
        key?: string;
        maxSessions?: number;
        json?: boolean;
      }) => {
        const config = getConfig();
        const apiKey = options.key ?? config.scraperClient.apiKey;
        if (!apiKey)
          throw new AppError(
            'bad_request',
            'Give --key or set JOBMATCH_SCRAPER_KEY (create one with: jobmatch keys create NAME).',
          );
        const jobs = await loadJobsFile(options);
        io.err(`${jobs.length} job(s) loaded.`);
        const client = new ScraperClient({ baseUrl: options.url ?? config.scraperClient.baseUrl, apiKey });
        const reports = await runFileScraper(client, jobs, {
          ...(options.maxSessions ? { maxSessions: options.maxSessions } : {}),
          onSession: (report) => {
            if (options.json) {
              io.out(
                JSON.stringify({
                  role: report.session.role,
                  session_id: report.session.session_id,
                  posted: report.posted,
                  result: report.result,
                  error: report.error,
                }),
              );
              return;
            }
            const r = report.result;
            io.out(
              r
                ? `${report.session.role.name}: session ${r.session_id} found ${r.jobs_found}, imported ${r.jobs_imported}, ` +
                    `skipped ${r.jobs_skipped}, failed ${r.jobs_failed} (${r.duration_seconds}s)`
                : `${report.session.role.name}: session ${report.session.session_id} failed: ${report.error}`,
            );
          },
        });
        io.err(`Queue empty after ${reports.length} session(s).`);
      },
    );
}
