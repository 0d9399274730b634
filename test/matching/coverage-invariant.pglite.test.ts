import { createTestDatabase } from '../support/database.js';
import { describeCoverageInvariant } from './coverage-invariant.suite.js';

describeCoverageInvariant('embedded PGlite', async () => {
  const database = await createTestDatabase();
  return { database, close: () => database.close() };
});
