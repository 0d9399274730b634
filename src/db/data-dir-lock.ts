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
 * PGlite is single-process: two processes opening one data dir corrupt it. A pid file beside the data dir
 * names the process that holds it (the others reach the database through that process's socket); a lock
 * left by a dead process is taken over. Returns the lock, or the pid of the live holder.
 */
export async function tryAcquireDataDirLock(
  dataDir: string,
): Promise<{ lock: DataDirLock } | { holder: number }> {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        lock: {
          async release() {
            if (released) return;
            released = true;
            await fs.rm(lockPath, { force: true });
          },
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM')
        throw new AppError(
          'unavailable',
          `The data dir ${dataDir} is not writable by this user (${code}): fix its permissions or set JOBMATCH_DATA_DIR.`,
          { cause: error },
        );
      if (code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isRunning(holder)) return { holder };
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new AppError('conflict', `Could not lock the embedded database at ${dataDir}.`);
}

export function dataDirInUse(dataDir: string, holder: number): AppError {
  return new AppError(
    'conflict',
    `The embedded database at ${dataDir} is in use by ${holder === process.pid ? 'this process' : `another Jobmatch process (pid ${holder})`}. ` +
      'Stop it first, or set JOBMATCH_DATA_DIR to another directory.',
  );
}

/** The data dir's lock for this process alone; refuses when another live process holds it. */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const claim = await tryAcquireDataDirLock(dataDir);
  if ('holder' in claim) throw dataDirInUse(dataDir, claim.holder);
  return claim.lock;
}
