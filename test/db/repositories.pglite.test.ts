import { createTestDatabase } from '../support/database.js';
import { describeRepositories } from './repositories.suite.js';

describeRepositories('PGlite', async () => {
  const database = await createTestDatabase();
  return { database, stop: () => database.close() };
});
