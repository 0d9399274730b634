/**
 * The application's events: their names, their payloads (zod schemas, checked when published and when
 * handled), and `publish`, which enqueues an event in the transaction that made the change, so the event
 * exists exactly when the change commits. Handlers are background tasks named after the event
 * (`matching/matching-tasks.ts`), all registered by `runtime.ts`.
 */
import { z } from 'zod';
import type { SqlExecutor } from '../db/database.js';
import type { JobQueue } from '../worker/job-queue.js';

export const EVENT = {
  /** Jobs were posted by a scraper or imported: score them against the candidates they are due for. */
  jobsImported: 'jobs/imported',
  /** A candidate was created, edited, merged, approved or had a role corrected: re-embed and rescore them. */
  candidateChanged: 'candidates/changed',
} as const;

const id = z.number().int().positive();

export const EVENT_SCHEMAS = {
  [EVENT.jobsImported]: z.object({
    /** The scrape session's role (for logs: the jobs' role links say whom they are due for). */
    roleId: id.nullable().optional(),
    sessionId: z.string().nullable().optional(),
    /** Every job the post or import wrote: new, updated and unchanged ones. */
    jobIds: z.array(id),
    /** Known jobs whose content the post or import changed. */
    changedJobIds: z.array(id).optional(),
  }),
  [EVENT.candidateChanged]: z.object({ tenantId: id, candidateId: id }),
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export type EventPayload<Name extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[Name]>;
export type JobsImported = EventPayload<typeof EVENT.jobsImported>;
export type CandidateChanged = EventPayload<typeof EVENT.candidateChanged>;
export type AppEvent = { [Name in EventName]: { name: Name; data: EventPayload<Name> } }[EventName];

/** Where events go: the task queue. A process without background tasks has none and publishes nothing. */
export type EventQueue = Pick<JobQueue, 'send'>;

export interface EventPublisher {
  /** Enqueues `event` inside `tx`; true when it was enqueued (false without a queue, or a duplicate). */
  publish(tx: { sql: SqlExecutor }, event: AppEvent): Promise<boolean>;
}

export function eventPublisher(queue: EventQueue | undefined): EventPublisher {
  return {
    async publish(tx, event) {
      if (!queue) return false;
      const data = EVENT_SCHEMAS[event.name].parse(event.data);
      return (await queue.send(event.name, data, { tx })) !== null;
    },
  };
}

/** `jobs/imported` as the import and scrape pipelines call it: with the transaction that wrote the jobs. */
export function publishJobsImported(queue: EventQueue | undefined) {
  const events = eventPublisher(queue);
  return async (tx: { sql: SqlExecutor }, data: JobsImported): Promise<void> => {
    await events.publish(tx, { name: EVENT.jobsImported, data });
  };
}
