import fs from 'node:fs/promises';
import { AppError } from '../errors.js';

export interface DataDirLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two processes on one data dir corrupt it. A pid file beside the
 * data dir refuses a second process; a lock left by a dead process is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await fs.rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw new AppError(
          'conflict',
          `The embedded database at ${dataDir} is in use by ${holder === process.pid ? 'this process' : `another Jobmatch process (pid ${holder})`}. ` +
            'Stop it first, or set JOBMATCH_DATA_DIR to another directory.',
        );
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new AppError('conflict', `Could not lock the embedded database at ${dataDir}.`);
}
