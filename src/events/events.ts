/**
 * Everything the application puts on the task queue, in one place: the events (something happened) and the
 * work orders (do this: deliver a webhook, refresh the inboxes, rescore after an upgrade). Their names, their
 * payloads (zod schemas, checked when published and when handled), and `publish`, which enqueues a message
 * in the transaction that made the change, so it exists exactly when the change commits (`publishNow` for
 * the few sent outside any transaction: after a task run, at start-up). Handlers are background tasks named
 * after the message (`matching/matching-tasks.ts`, `webhooks/webhook-tasks.ts`, ...), all registered by
 * `runtime.ts`. No other module sends to the queue (test/architecture checks it).
 */
import { z } from 'zod';
import type { SqlExecutor } from '../db/database.js';
import type { JobQueue } from '../worker/job-queue.js';

export const EVENT = {
  /** Jobs were posted by a scraper or imported: score them against the candidates they are due for. */
  jobsImported: 'jobs/imported',
  /** A candidate was created, edited, merged, approved or had a role corrected: re-embed and rescore them. */
  candidateChanged: 'candidates/changed',
  /** A webhook delivery was written (an event of a subscribed endpoint, or a replay): send it. */
  webhookDelivery: 'webhooks/deliver',
  /** Matches or pipeline moves changed: bring the inboxes (and their webhook events) up to date. */
  inboxRefresh: 'inbox/refresh',
  /** The scoring version may have changed (a process started): rescore matches stored by another one. */
  matchesUpgrade: 'matches/upgrade',
} as const;

/** Messages of which one pending copy covers any number of sends (queued once, by name). */
const SINGLETONS: ReadonlySet<string> = new Set([EVENT.inboxRefresh, EVENT.matchesUpgrade]);

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
  [EVENT.webhookDelivery]: z.object({ tenantId: id, deliveryId: id }),
  [EVENT.inboxRefresh]: z.object({}),
  [EVENT.matchesUpgrade]: z.object({}),
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export type EventPayload<Name extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[Name]>;
export type JobsImported = EventPayload<typeof EVENT.jobsImported>;
export type CandidateChanged = EventPayload<typeof EVENT.candidateChanged>;
export type WebhookDelivery = EventPayload<typeof EVENT.webhookDelivery>;
export type AppEvent = { [Name in EventName]: { name: Name; data: EventPayload<Name> } }[EventName];

/** Where events go: the task queue. A process without background tasks has none and publishes nothing. */
export type EventQueue = Pick<JobQueue, 'send'>;

export interface EventPublisher {
  /** Enqueues `event` inside `tx`; true when it was enqueued (false without a queue, or a duplicate). */
  publish(tx: { sql: SqlExecutor }, event: AppEvent): Promise<boolean>;
  /** Enqueues `event` at once, outside any transaction (after a task run, at start-up). */
  publishNow(event: AppEvent): Promise<boolean>;
}

export function eventPublisher(queue: EventQueue | undefined): EventPublisher {
  const send = async (event: AppEvent, tx?: { sql: SqlExecutor }) => {
    if (!queue) return false;
    const data = EVENT_SCHEMAS[event.name].parse(event.data);
    const options = {
      ...(tx ? { tx } : {}),
      ...(SINGLETONS.has(event.name) ? { singletonKey: event.name } : {}),
    };
    return (await queue.send(event.name, data, options)) !== null;
  };
  return { publish: (tx, event) => send(event, tx), publishNow: (event) => send(event) };
}

/** `jobs/imported` as the import and scrape pipelines call it: with the transaction that wrote the jobs. */
export function publishJobsImported(queue: EventQueue | undefined) {
  const events = eventPublisher(queue);
  return async (tx: { sql: SqlExecutor }, data: JobsImported): Promise<void> => {
    await events.publish(tx, { name: EVENT.jobsImported, data });
  };
}
