import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbContext } from '../database.js';
import { type CANDIDATE_STATUSES, candidateGlobalRoles, candidates } from '../schema.js';

export type Candidate = typeof candidates.$inferSelect;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
/** What a caller may write: never the tenant, id, embedding or timestamps. */
export type CandidateInput = Omit<
  typeof candidates.$inferInsert,
  'id' | 'tenant_id' | 'embedding' | 'created_at' | 'updated_at'
>;

export interface CandidateListOptions {
  search?: string;
  status?: CandidateStatus;
  skill?: string;
  limit?: number;
  offset?: number;
}

export interface CandidateSearchOptions extends CandidateListOptions {
  /** Candidates linked to this global role. */
  roleId?: number;
  /** Candidates owned by this user. */
  ownerUserId?: number;
  sort?: 'name' | 'created_at' | 'updated_at';
  order?: 'asc' | 'desc';
}

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Tenant data: every method takes the tenant id first and filters by it. */
export function candidateRepository({ db }: DbContext) {
  const inTenant = (tenantId: number, id: number) =>
    and(eq(candidates.tenant_id, tenantId), eq(candidates.id, id));
  const countOnFirstPage = async (tenantId: number, options: CandidateSearchOptions): Promise<number> =>
    (await repository.search(tenantId, { ...options, offset: 0, limit: 1 })).total;
  const repository = {
    async create(tenantId: number, input: CandidateInput): Promise<Candidate> {
      const [row] = await db
        .insert(candidates)
        .values({ ...input, tenant_id: tenantId })
        .returning();
      return row!;
    },
    async findById(tenantId: number, id: number): Promise<Candidate | undefined> {
      const [row] = await db.select().from(candidates).where(inTenant(tenantId, id));
      return row;
    },
    list(tenantId: number, options: CandidateListOptions = {}): Promise<Candidate[]> {
      const pattern = options.search ? `%${options.search.replace(/[\\%_]/g, '\\$&')}%` : undefined;
      return db
        .select()
        .from(candidates)
        .where(
          and(
            eq(candidates.tenant_id, tenantId),
            options.status ? eq(candidates.status, options.status) : undefined,
            options.skill ? sql`${candidates.skills} @> ARRAY[${options.skill}]::varchar[]` : undefined,
            pattern
              ? or(
                  ilike(candidates.first_name, pattern),
                  ilike(candidates.last_name, pattern),
                  ilike(candidates.email, pattern),
                )
              : undefined,
          ),
        )
        .orderBy(asc(candidates.last_name), asc(candidates.first_name), desc(candidates.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
    },
    /** One page of a tenant's candidates and the number of all that match, in a single query. */
    async search(
      tenantId: number,
      options: CandidateSearchOptions = {},
    ): Promise<{ items: Candidate[]; total: number }> {
      const pattern = options.search ? escapeLike(options.search) : undefined;
      const direction = options.order === 'desc' ? desc : asc;
      const sortColumns =
        options.sort === 'created_at'
          ? [direction(candidates.created_at)]
          : options.sort === 'updated_at'
            ? [direction(candidates.updated_at)]
            : [direction(candidates.last_name), direction(candidates.first_name)];
      const rows = await db
        .select({ candidate: candidates, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
        .from(candidates)
        .where(
          and(
            eq(candidates.tenant_id, tenantId),
            options.status ? eq(candidates.status, options.status) : undefined,
            options.skill
              ? sql`EXISTS (SELECT 1 FROM unnest(${candidates.skills}) AS skill WHERE lower(skill) = lower(${options.skill}))`
              : undefined,
            options.roleId !== undefined
              ? sql`EXISTS (SELECT 1 FROM ${candidateGlobalRoles} WHERE ${candidateGlobalRoles.candidate_id} = ${candidates.id} AND ${candidateGlobalRoles.global_role_id} = ${options.roleId})`
              : undefined,
            options.ownerUserId !== undefined ? eq(candidates.owner_user_id, options.ownerUserId) : undefined,
            pattern
              ? or(
                  ilike(candidates.first_name, pattern),
                  ilike(candidates.last_name, pattern),
                  ilike(sql`${candidates.first_name} || ' ' || ${candidates.last_name}`, pattern),
                  ilike(candidates.email, pattern),
                )
              : undefined,
          ),
        )
        .orderBy(...sortColumns, asc(candidates.id))
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0);
      // A page past the end has no row to carry the window count: count on the first page instead.
      const total = rows[0]?.total ?? (options.offset ? await countOnFirstPage(tenantId, options) : 0);
      return { items: rows.map((row) => row.candidate), total };
    },
    async update(
      tenantId: number,
      id: number,
      patch: Partial<CandidateInput>,
    ): Promise<Candidate | undefined> {
      const [row] = await db
        .update(candidates)
        .set({ ...patch, updated_at: sql`now()` })
        .where(inTenant(tenantId, id))
        .returning();
      return row;
    },
    async delete(tenantId: number, id: number): Promise<boolean> {
      const rows = await db.delete(candidates).where(inTenant(tenantId, id)).returning({ id: candidates.id });
      return rows.length > 0;
    },
  };
  return repository;
}
