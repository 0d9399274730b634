import { type ChildProcess, spawn } from 'node:child_process';

export interface JobmatchProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  /** Resolves with the first match of `pattern` in the process's output; rejects if it exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

/** Runs `jobmatch ARGS` from the sources as a real process, with `env` over this process's environment. */
export function spawnJobmatch(args: string[], env: Record<string, string>): JobmatchProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', JOBMATCH_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    output: () => output,
    waitFor(pattern, timeoutMs = 90_000) {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          const match = pattern.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(match);
          } else if (exitCode !== undefined || Date.now() - started > timeoutMs) {
            clearInterval(timer);
            reject(
              new Error(
                `jobmatch ${args.join(' ')} ${exitCode !== undefined ? `exited (${exitCode})` : 'timed out'}: ${output}`,
              ),
            );
          }
        }, 50);
      });
    },
  };
}

/** `jobmatch serve`'s URL, from its "Jobmatch is serving" log line. */
export async function servingUrl(process: JobmatchProcess): Promise<string> {
  return (await process.waitFor(/"url":"(http:\/\/[^"]+)"/))[1]!;
}
