import type { Config } from '../config/config.js';
import type { Database } from './database.js';
import { openPg } from './pg-database.js';
import { openPglite } from './pglite-database.js';

export function openDatabase(config: Config['database']): Promise<Database> {
  return config.engine === 'pg'
    ? openPg(config.url, { poolSize: config.poolSize, tenantRole: config.tenantRole })
    : openPglite({ dataDir: config.dataDir, tenantRole: config.tenantRole });
}
