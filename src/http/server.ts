import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { startDemo } from '../demo/demo-startup.js';
import { AppError } from '../errors.js';
import { type Runtime, startRuntime } from '../runtime.js';
import { type App, buildApp } from './app.js';

export interface RunningServer {
  app: App;
  runtime: Runtime;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, starts background work and serves the API until `stop()`. */
export async function startServer(
  config: Config,
  logger: Logger,
  options: { webRoot?: string } = {},
): Promise<RunningServer> {
  const runtime = await startRuntime(config, logger, { workers: config.workers.inline, kind: 'serve' });
  let app: App | undefined;
  try {
    await startDemo(runtime, config.demo, new Date());
    app = await buildApp({
      database: runtime.database,
      logger,
      bodyLimit: config.http.bodyLimit,
      trustProxy: config.http.trustProxy,
      importMaxBytes: config.imports.maxBytes,
      skills: () => runtime.skills,
      embeddings: runtime.embeddings,
      roleMatchThreshold: config.embeddings.roleMatchThreshold,
      queue: runtime.queue,
      matching: config.matching,
      sessions: { ...config.sessions, failureWindowMs: config.auth.failureWindowMs },
      scraping: {
        ...config.auth,
        bodyLimit: config.scraping.bodyLimit,
        maxAttempts: config.scraping.maxAttempts,
      },
      webhooks: { allow: config.webhooks.allow, timeoutMs: config.webhooks.timeoutMs },
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    const url = await app
      .listen({ port: config.http.port, host: config.http.host })
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
          throw new AppError(
            'unavailable',
            error.code === 'EADDRINUSE'
              ? `Port ${config.http.port} on ${config.http.host} is in use by another program: stop it or set PORT.`
              : `Port ${config.http.port} on ${config.http.host} needs privileges this user lacks: set PORT above 1023.`,
            { cause: error },
          );
        throw error;
      });
    logger.info(
      { url, docs: `${url}/docs`, database: runtime.database.engine, location: runtime.database.location },
      'Jobmatch is serving',
    );
    const runningApp = app;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await runningApp.close();
        await runtime.stop();
        logger.info('Jobmatch stopped');
      })();
      return stopping;
    };
    return { app, runtime, url, stop };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    throw error;
  }
}

/** Stops cleanly on SIGTERM/SIGINT: no new connections, in-flight requests drain, the database closes. */
export function stopOnSignals(server: Pick<RunningServer, 'stop'>, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
