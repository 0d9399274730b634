import { startPgOverSocket } from '../support/pg-socket.js';
import { describeRepositories } from './repositories.suite.js';

describeRepositories('pg over the PostgreSQL wire protocol', startPgOverSocket);
