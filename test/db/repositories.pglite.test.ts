import { createEmbeddedTestDatabase } from '../support/database.js';
import { describeRepositories } from './repositories.suite.js';

describeRepositories('PGlite', async () => {
  const database = await createEmbeddedTestDatabase();
  return { database, stop: () => database.close() };
});
