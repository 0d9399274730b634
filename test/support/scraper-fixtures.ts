import type { Database } from '../../src/db/database.js';
import { createApiKey } from '../../src/scraper/api-keys.js';

let sequence = 0;

/** A tenant, and roles each wanted by `candidates` candidates (counts kept exact through real links). */
export async function seedRoles(
  database: Database,
  roles: {
    name: string;
    candidates: number;
    priority?: string;
    lastScrapedAt?: string;
    locations?: string[];
  }[],
): Promise<Map<string, number>> {
  sequence += 1;
  const { rows: tenants } = await database.sql.query<{ id: number }>(
    `INSERT INTO tenants (name, slug) VALUES ($1, $1) RETURNING id`,
    [`scraper-fixture-${sequence}-${Date.now()}`],
  );
  const tenantId = tenants[0]!.id;
  const ids = new Map<string, number>();
  for (const role of roles) {
    const { rows } = await database.sql.query<{ id: number }>(
      `INSERT INTO global_roles (name, priority, last_scraped_at) VALUES ($1, $2, $3) RETURNING id`,
      [role.name, role.priority ?? 'normal', role.lastScrapedAt ?? null],
    );
    const roleId = rows[0]!.id;
    ids.set(role.name, roleId);
    await database.sql.query(
      `WITH made AS (
         INSERT INTO candidates (tenant_id, first_name, last_name, email, preferred_locations, skills, status)
         SELECT $1, 'Cand', 'Idate' || n, 'c' || n || '@example.test', $4::varchar[], ARRAY['Python','AWS'], 'approved'
         FROM generate_series(1, $2) AS n RETURNING id
       )
       INSERT INTO candidate_global_roles (candidate_id, global_role_id) SELECT id, $3 FROM made`,
      [tenantId, role.candidates, roleId, role.locations ?? ['Austin, TX']],
    );
    await database.sql.query(
      `UPDATE global_roles SET candidate_count = (SELECT count(*) FROM candidate_global_roles WHERE global_role_id = $1) WHERE id = $1`,
      [roleId],
    );
  }
  return ids;
}

export async function createScraperKey(database: Database, name = `scraper-${++sequence}`) {
  return createApiKey(database, { name });
}

export function sampleJobs(prefix: string, count: number, platform = 'indeed') {
  return Array.from({ length: count }, (_, index) => ({
    external_job_id: `${prefix}-${index}`,
    platform,
    title: `Python Developer ${index}`,
    company: `Company ${index % 7}`,
    location: 'Austin, TX',
    description: 'Python, Django and AWS. 3+ years of experience.',
    salary_range: '$120K - $150K',
    job_url: `https://jobs.example.com/${prefix}/${index}`,
    posted_date: '2026-11-20',
  }));
}
