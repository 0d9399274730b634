/**
 * The e-mail digest: for every user who opted in (daily or weekly), what their inbox gathered since their
 * last digest (new recommended matches of their candidates, application changes), grouped by candidate,
 * sent through SMTP with links into the app. Each recipient is marked sent only after their message was
 * accepted, so a retry of the task sends only what failed.
 */
import type { Database } from '../db/database.js';
import { withTenant } from '../db/with-tenant.js';
import { type DigestGroup, renderDigest } from '../domain/digest.js';
import { AppError } from '../errors.js';
import {
  activeTenantIds,
  type DigestEntry,
  type DigestFrequency,
  digestRepository,
} from './digest.repository.js';
import type { Mailer } from './mailer.js';

export type { DigestFrequency };

export interface DigestSetting {
  digest: DigestFrequency;
  digest_sent_at: Date | null;
}

export function digestSetting(database: Database, viewer: { tenantId: number; userId: number }) {
  return withTenant(database, viewer.tenantId, (tx) =>
    digestRepository(tx, viewer.tenantId).preference(viewer.userId),
  );
}

export function setDigestSetting(
  database: Database,
  viewer: { tenantId: number; userId: number },
  digest: DigestFrequency,
): Promise<DigestSetting> {
  return withTenant(database, viewer.tenantId, (tx) =>
    digestRepository(tx, viewer.tenantId).setPreference(viewer.userId, digest),
  );
}

function groupByCandidate(entries: DigestEntry[]): DigestGroup[] {
  const groups = new Map<number, DigestGroup>();
  for (const entry of entries) {
    let group = groups.get(entry.candidate_id);
    if (!group) {
      group = {
        candidateId: entry.candidate_id,
        candidateName: entry.candidate_name,
        matches: [],
        changes: [],
      };
      groups.set(entry.candidate_id, group);
    }
    if (entry.kind === 'match.recommended')
      group.matches.push({
        jobTitle: entry.job_title ?? 'a job',
        company: entry.company,
        score: entry.score ?? 0,
        reason: entry.reason,
      });
    else if (entry.change) group.changes.push({ summary: entry.change, detail: null });
  }
  return [...groups.values()];
}

export interface DigestRun {
  sent: number;
  /** Opted-in users with nothing new: no e-mail, and their next digest still starts at their last one. */
  empty: number;
  failed: { userId: number; error: string }[];
}

/** Sends every due digest of every active agency. */
export async function sendDueDigests(
  database: Database,
  deps: { mailer: Mailer; baseUrl: string; now?: () => Date },
): Promise<DigestRun> {
  const run: DigestRun = { sent: 0, empty: 0, failed: [] };
  for (const tenantId of await activeTenantIds(database.sql)) {
    const due = await withTenant(database, tenantId, async (tx) => {
      const digests = digestRepository(tx, tenantId);
      const recipients = await digests.dueRecipients();
      const entries = await digests.entriesFor(recipients);
      return recipients.map((recipient) => ({
        recipient,
        groups: groupByCandidate(entries.filter((entry) => entry.user_id === recipient.user_id)),
      }));
    });
    for (const { recipient, groups } of due) {
      if (groups.length === 0) {
        run.empty++;
        continue;
      }
      const sentAt = deps.now?.() ?? new Date();
      try {
        const message = renderDigest({
          recipientName: recipient.name,
          frequency: recipient.frequency,
          baseUrl: deps.baseUrl,
          groups,
        });
        await deps.mailer.send({ to: { name: recipient.name, address: recipient.email }, ...message });
      } catch (error) {
        run.failed.push({ userId: recipient.user_id, error: (error as Error).message });
        continue;
      }
      await withTenant(database, tenantId, (tx) =>
        digestRepository(tx, tenantId).markSent(recipient.user_id, sentAt),
      );
      run.sent++;
    }
  }
  return run;
}

/** Thrown by the task when some digests could not be sent, so the queue retries them (the sent are marked). */
export function digestFailure(run: DigestRun): AppError {
  return new AppError(
    'unavailable',
    `${run.failed.length} digest(s) not sent: ${run.failed.map((f) => `user ${f.userId}: ${f.error}`).join('; ')}`,
  );
}
