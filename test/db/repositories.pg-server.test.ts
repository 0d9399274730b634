import { createServerDatabase, describeOnServer } from '../support/pg-server.js';
import { describeRepositories } from './repositories.suite.js';

describeOnServer('repositories', () => {
  describeRepositories('a PostgreSQL server with pgvector', async () => {
    const server = await createServerDatabase('repositories');
    return { database: server.database, stop: server.drop };
  });
});
