import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { TaskDefinition } from '../worker/job-queue.js';
import { digestFailure, sendDueDigests } from './digests.js';
import { createSmtpMailer, type Mailer } from './mailer.js';

export const DIGEST_TASK = { send: 'digests/send' } as const;

/**
 * The digest task on its schedule (`JOBMATCH_DIGEST_CRON`, UTC); none without `JOBMATCH_SMTP_URL`. A run that
 * could not send some digests fails, and pg-boss retries it: recipients already sent are not sent again.
 */
export function digestTasks(deps: {
  database: Database;
  logger: Logger;
  mail: Config['mail'];
  mailer?: Mailer;
}): TaskDefinition<never>[] {
  const { smtpUrl } = deps.mail;
  if (!smtpUrl && !deps.mailer) {
    deps.logger.info('JOBMATCH_SMTP_URL is not set: e-mail digests are off');
    return [];
  }
  let mailer = deps.mailer;
  return [
    {
      name: DIGEST_TASK.send,
      cron: deps.mail.digestCron,
      retryLimit: 3,
      retryDelaySeconds: 300,
      expireInSeconds: 30 * 60,
      handler: async () => {
        mailer ??= createSmtpMailer({ smtpUrl: smtpUrl!, from: deps.mail.from });
        const run = await sendDueDigests(deps.database, { mailer, baseUrl: deps.mail.publicUrl });
        deps.logger.info(
          { task: DIGEST_TASK.send, sent: run.sent, empty: run.empty, failed: run.failed.length },
          'digests',
        );
        if (run.failed.length > 0) throw digestFailure(run);
      },
    },
  ];
}
