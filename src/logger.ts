import pino, { type Logger } from 'pino';
import type { Config } from './config/config.js';

export function createLogger(config: Config['log']): Logger {
  return pino({
    level: config.level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  });
}
