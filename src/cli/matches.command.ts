import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { checkMatches, type DriftReport } from '../matching/refresh-matches.js';
import { loadSkillMatcher } from '../skills/skill-dictionary.loader.js';
import type { CliIo } from './cli-io.js';

type WithDatabase = <T>(config: Config, fn: (database: Database) => Promise<T>) => Promise<T>;

function describeReport(report: DriftReport): string[] {
  const lines = [
    `${report.candidates_checked} candidate(s) checked: ${report.pairs_stored} suggested match(es) stored, ${report.pairs_expected} expected from a full rescore.`,
    `missing ${report.missing}, unexpected ${report.unexpected}, outdated ${report.outdated}; ${report.drifted_candidates.length} candidate(s) drifted.`,
  ];
  for (const sample of report.samples) {
    lines.push(
      `  candidate ${sample.candidate_id} job ${sample.job_posting_id}: ${sample.kind} (stored ${sample.stored_score ?? '-'}, expected ${sample.expected_score ?? '-'})`,
    );
  }
  if (report.repaired) lines.push(`Repaired: ${report.drifted_candidates.length} candidate(s) rescored.`);
  return lines;
}

/** Adds `jobmatch matches check [--repair] [--json]`. */
export function registerMatchCommands(
  program: Command,
  io: CliIo,
  getConfig: () => Config,
  withDatabase: WithDatabase,
): void {
  const matches = program.command('matches').description('stored candidate-job matches');
  matches
    .command('check')
    .description(
      'compare stored matches with a full rescore of every candidate; --repair rescores the drifted',
    )
    .option('--repair', 'rescore the candidates whose stored matches drifted')
    .option('--json', 'print JSON')
    .action(async (options: { repair?: boolean; json?: boolean }) => {
      const config = getConfig();
      const report = await withDatabase(config, (database) =>
        checkMatches(
          {
            database,
            retention: { floor: config.matching.floor, bestN: config.matching.bestN },
            vectorTopK: config.matching.vectorTopK,
            skills: loadSkillMatcher(),
          },
          { repair: options.repair ?? false },
        ),
      );
      if (options.json) io.out(JSON.stringify(report));
      else for (const line of describeReport(report)) io.out(line);
      // Drift left in place is a failed check (scripts and cron can alert on it).
      if (!report.repaired && report.drifted_candidates.length > 0) process.exitCode = 1;
    });
}
