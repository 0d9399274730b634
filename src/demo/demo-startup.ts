import type { Runtime } from '../runtime.js';
import { countUsers } from './demo-queries.js';
import { DEMO_ACCOUNTS, demoLoaded, loadDemo } from './load-demo.js';

/** Whether this start should load the demo: asked for, or `auto` on a brand-new embedded database. */
async function wantsDemo(runtime: Runtime, mode: 'auto' | 'always' | 'never'): Promise<boolean> {
  if (mode === 'never') return false;
  if (mode === 'always') return true;
  if (runtime.database.engine !== 'pglite') return false;
  return (await countUsers(runtime.database.sql)) === 0;
}

/** Loads the demo agency when wanted, and says how to sign in to it. */
export async function startDemo(
  runtime: Runtime,
  mode: 'auto' | 'always' | 'never',
  today: Date,
): Promise<void> {
  const { logger, config } = runtime;
  if (await wantsDemo(runtime, mode)) {
    logger.info(
      'loading demo data (first start of an empty embedded database; JOBMATCH_DEMO=false skips it)',
    );
    const started = Date.now();
    const summary = await loadDemo({
      database: runtime.database,
      embeddings: runtime.embeddings,
      skills: runtime.skills,
      retention: { floor: config.matching.floor, bestN: config.matching.bestN },
      vectorTopK: config.matching.vectorTopK,
      roleThreshold: config.embeddings.roleMatchThreshold,
      today: today.toISOString().slice(0, 10),
    });
    if (summary.loaded) logger.info({ ...summary, ms: Date.now() - started }, 'demo data loaded');
  }
  if (await demoLoaded(runtime.database)) {
    logger.info(
      { accounts: DEMO_ACCOUNTS.map((account) => `${account.role}: ${account.email} / ${account.password}`) },
      'demo agency "Demo Staffing": sign in with',
    );
  }
}
