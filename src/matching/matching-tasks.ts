/**
 * Matching background tasks on pg-boss (the spec's Inngest event names, run inside the same Postgres).
 * Handlers are idempotent (upserts), so at-least-once delivery and retries are safe. A failing run is
 * retried with exponential backoff (job-queue sets retryBackoff) and, after `retryLimit` retries, stays in
 * pg-boss's `failed` state with the error as its output.
 */

import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { SkillMatcher } from '../domain/skills.js';
import { embedMissing } from '../embeddings/embed-rows.js';
import type { EmbeddingProvider } from '../embeddings/embedding-provider.js';
import { EVENT } from '../events/events.js';
import type { TaskDefinition } from '../worker/job-queue.js';
import { matchImportedJobs, parseJobsImportedEvent } from './match-imported-jobs.js';
import { markOutdatedScoringStale, refreshStaleCandidates } from './refresh-matches.js';
import { parseCandidateChangedEvent, rematchCandidate } from './rematch-candidate.js';

export const MATCHING_TASK = {
  jobsImported: EVENT.jobsImported,
  candidateChanged: EVENT.candidateChanged,
  /** Rescores the candidates marked stale (job expiry and closure, role merges, weight changes). */
  refresh: 'matches/refresh',
  /** Marks the candidates whose matches another scoring version stored, then rescores them. */
  upgrade: EVENT.matchesUpgrade,
} as const;

export interface MatchingTaskDependencies {
  database: Database;
  config: Pick<Config, 'matching'>;
  logger: Logger;
  skills?: SkillMatcher;
  /** Re-embeds a changed candidate before rescoring; without it the stored vector is used. */
  embeddings?: EmbeddingProvider;
}

export function matchingTasks(deps: MatchingTaskDependencies): TaskDefinition<never>[] {
  const matching = {
    database: deps.database,
    retention: { floor: deps.config.matching.floor, bestN: deps.config.matching.bestN },
    vectorTopK: deps.config.matching.vectorTopK,
    ...(deps.skills ? { skills: deps.skills } : {}),
  };
  return [
    {
      name: MATCHING_TASK.jobsImported,
      retryLimit: 5,
      retryDelaySeconds: 10,
      expireInSeconds: 30 * 60,
      handler: async (data: unknown) => {
        const event = parseJobsImportedEvent(data);
        const started = performance.now();
        // Fresh postings have no vector yet: embed them first so the semantic score is not a neutral guess.
        // A provider failure leaves them for the backfill; matching goes on with what is stored.
        if (deps.embeddings) {
          const embedded = await embedMissing(deps.database, deps.embeddings, {
            table: 'job_postings',
            ids: event.jobIds,
          });
          if (embedded.error)
            deps.logger.warn({ error: embedded.error }, 'new jobs not embedded before matching');
        }
        const embedded = performance.now();
        const cpuBefore = process.cpuUsage();
        const totals = await matchImportedJobs(matching, event);
        const cpu = process.cpuUsage(cpuBefore);
        deps.logger.info(
          {
            task: MATCHING_TASK.jobsImported,
            roleId: event.roleId,
            jobs: event.jobIds.length,
            ...totals,
            embedMs: Math.round(embedded - started),
            matchMs: Math.round(performance.now() - embedded),
            matchCpuMs: Math.round((cpu.user + cpu.system) / 1000),
          },
          'jobs matched',
        );
      },
    },
    {
      name: MATCHING_TASK.candidateChanged,
      retryLimit: 5,
      retryDelaySeconds: 5,
      expireInSeconds: 10 * 60,
      batchSize: 5,
      handler: async (data: unknown) => {
        const event = parseCandidateChangedEvent(data);
        if (!event) {
          deps.logger.warn({ task: MATCHING_TASK.candidateChanged, data }, 'malformed event ignored');
          return;
        }
        const totals = await rematchCandidate(
          { ...matching, logger: deps.logger, ...(deps.embeddings ? { embeddings: deps.embeddings } : {}) },
          event,
        );
        deps.logger.info(
          { task: MATCHING_TASK.candidateChanged, ...event, ...totals },
          'candidate rematched',
        );
      },
    },
    {
      name: MATCHING_TASK.refresh,
      cron: '* * * * *',
      retryLimit: 2,
      expireInSeconds: 30 * 60,
      handler: async () => {
        const totals = await refreshStaleCandidates(matching);
        if (totals.candidates > 0)
          deps.logger.info({ task: MATCHING_TASK.refresh, ...totals }, 'stale candidates rescored');
      },
    },
    {
      name: MATCHING_TASK.upgrade,
      cron: '41 * * * *',
      retryLimit: 2,
      expireInSeconds: 60 * 60,
      handler: async () => {
        const marked = await markOutdatedScoringStale(deps.database);
        if (marked === 0) return;
        const totals = await refreshStaleCandidates(matching);
        deps.logger.info(
          { task: MATCHING_TASK.upgrade, marked, ...totals },
          'matches of an older scoring version rescored',
        );
      },
    },
  ];
}
