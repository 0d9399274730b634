import { runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';

/** Runs `jobmatch <argv>` in-process on the embedded database under `dataDir`, with its output captured. */
export async function runCliOn(dataDir: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const config = parseConfig({ JOBMATCH_DATA_DIR: dataDir });
  const code = await runCli(
    argv,
    { out: (line) => out.push(line), err: (line) => err.push(line) },
    () => config,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
