import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { openDatabase } from '../db/open-database.js';
import { type App, buildApp } from './app.js';

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, and serves the API until `stop()` or a signal. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  let app: App | undefined;
  try {
    const applied = await migrate(database);
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    app = await buildApp({ database, logger, bodyLimit: config.http.bodyLimit });
    const url = await app.listen({ port: config.http.port, host: config.http.host });
    logger.info({ url, database: database.engine, location: database.location }, 'Jobmatch is serving');
    let stopping: Promise<void> | undefined;
    const runningApp = app;
    const stop = () => {
      stopping ??= (async () => {
        await runningApp.close();
        await database.close();
        logger.info('Jobmatch stopped');
      })();
      return stopping;
    };
    return { app, database, url, stop };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
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
