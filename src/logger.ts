import pino, { type Logger } from 'pino';
import type { Config } from './config/config.js';
import { redactCredentialsInUrl } from './domain/credentials-in-url.js';

export function createLogger(config: Config['log']): Logger {
  return pino({
    level: config.level,
    serializers: {
      // A key sent in the query string is refused, and must not reach the logs either.
      req: (request: { method?: string; url?: string; hostname?: string; ip?: string; id?: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url ? redactCredentialsInUrl(request.url) : request.url,
        remoteAddress: request.ip,
      }),
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  });
}
