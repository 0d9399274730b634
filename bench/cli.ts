/**
 * npm run bench:cli — how long `jobmatch` commands that touch the database take from process start to exit
 * (the compiled CLI, `bin/jobmatch.js`), on an embedded data dir: alone, and while `jobmatch serve` holds the
 * data dir (they then go through its socket). Also checks that they print the same output both ways.
 * BENCH_RUNS runs per command (default 5); prints median and max wall time, the median CPU time (user +
 * system: what the wall time comes down to on an idle machine) and the machine's load average.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'jobmatch.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-bench-cli-'));
const env = { ...process.env, JOBMATCH_DATA_DIR: dir, JOBMATCH_DEMO: 'false', LOG_LEVEL: 'warn' };
const commands = [
  ['keys', 'list'],
  ['imports', 'list'],
  ['db:status'],
  ['jobs', 'expire'],
  ['roles', 'list'],
];

/** Preloaded into each run: prints the process's CPU time (user + system) as it exits. */
const reportCpu = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu-ms='+Math.round((u.user+u.system)/1000)+'\\n')})`;

function run(args: string[]): { ms: number; cpuMs: number; out: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', reportCpu, bin, ...args], {
    env,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`jobmatch ${args.join(' ')} failed: ${result.stderr}`);
  const cpuMs = Number(/cpu-ms=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, cpuMs, out: result.stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure(label: string): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const args of commands) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const { ms, cpuMs, out } = run(args);
      times.push(ms);
      cpu.push(cpuMs);
      outputs.set(args.join(' '), out);
    }
    console.log(
      `${label.padEnd(14)} jobmatch ${args.join(' ').padEnd(14)} wall median ${median(times).toFixed(0).padStart(5)} ms, max ${Math.max(
        ...times,
      )
        .toFixed(0)
        .padStart(5)} ms; CPU median ${median(cpu).toFixed(0).padStart(5)} ms`,
    );
  }
  return outputs;
}

try {
  run(['migrate']);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  const alone = measure('alone');
  const server = spawn(process.execPath, [bin, 'serve'], {
    env: { ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  server.stdout.on('data', (chunk) => {
    log += chunk;
  });
  while (!/Jobmatch is serving/.test(log)) {
    if (server.exitCode !== null) throw new Error(`serve exited: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const shared = measure('while serving');
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  const differing = [...alone.keys()].filter((command) => alone.get(command) !== shared.get(command));
  console.log(
    differing.length === 0
      ? 'same output alone and while serving: yes'
      : `output differs while serving for: ${differing.join(', ')}`,
  );
  console.log(
    `load average at end: ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
