import { createServerDatabase, testServerUrl } from '../support/pg-server.js';
import { describeCoverageInvariant } from './coverage-invariant.suite.js';

describeCoverageInvariant(
  'PostgreSQL server',
  async () => {
    const server = await createServerDatabase('h_pipeline_invariant');
    return { database: server.database, close: () => server.drop() };
  },
  { skip: !testServerUrl },
);
