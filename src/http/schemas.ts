import { z } from 'zod';
import type { ListSpec } from '../domain/list.js';

/** The largest value of PostgreSQL's `integer` (and of a `serial` id): inputs past it are refused with 400. */
export const INT4_MAX = 2_147_483_647;

/** A row id in a path or query string. */
export const databaseId = z.coerce.number().int().positive().max(INT4_MAX);
/** A row id in a JSON body (no coercion). */
export const databaseIdValue = z.number().int().positive().max(INT4_MAX);
export const idParams = z.object({ id: databaseId.meta({ examples: [42] }) });
/** How many rows a page skips. */
export const pageOffset = z.coerce.number().int().min(0).max(1_000_000).default(0);

/** What may be shown of an API key of either kind (never its secret or hash). */
export const apiKeyFields = {
  id: z.number().int(),
  name: z.string(),
  is_active: z.boolean(),
  created_at: z.date().nullable(),
  created_by: z.number().int().nullable(),
  last_used_at: z.date().nullable(),
  total_requests: z.number().int(),
  revoked_at: z.date().nullable(),
};
const pageSize = (max: number) => z.coerce.number().int().min(1).max(max);

interface PagingInput {
  page?: number | undefined;
  page_size?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const pagingShape = (size: { default: number; max: number }) => ({
  page: z.coerce.number().int().min(1).max(10_000).optional().meta({ description: 'Which page, from 1' }),
  page_size: pageSize(size.max)
    .optional()
    .meta({ description: `Items per page (default ${size.default})` }),
  limit: pageSize(size.max).optional().meta({ description: 'Deprecated: use page_size', deprecated: true }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .optional()
    .meta({ description: 'Deprecated: use page', deprecated: true }),
});

/**
 * The paging of every list, by the same names: `page` (from 1) and `page_size`. The older `limit` and
 * `offset` still work, deprecated; mixing the two styles is a 400. Handlers receive `limit` and `offset`.
 * The query string is closed: an unknown parameter is a 400 naming it.
 */
export function pagedQuery<Shape extends z.ZodRawShape>(
  shape: Shape,
  size: { default: number; max: number },
) {
  return z
    .object({ ...shape, ...pagingShape(size) })
    .strict()
    .superRefine((query, context) => {
      const { page, page_size, limit, offset } = query as PagingInput;
      if ((page !== undefined || page_size !== undefined) && (limit !== undefined || offset !== undefined)) {
        context.addIssue({
          code: 'custom',
          path: [page !== undefined ? 'page' : 'page_size'],
          message: 'Send page and page_size, or the deprecated limit and offset, not both.',
        });
      }
    })
    .transform((query) => {
      const { page, page_size, limit, offset, ...rest } = query as typeof query & PagingInput;
      const perPage = page_size ?? limit ?? size.default;
      return {
        ...(rest as Omit<typeof query, keyof PagingInput>),
        limit: perPage,
        offset: page === undefined ? (offset ?? 0) : (page - 1) * perPage,
      };
    });
}

/**
 * The query string of a list, from the feature's {@link ListSpec}: `q` (what it searches), `sort` (its
 * keys) and `order`, paged like every list (`page`/`page_size`), besides the list's own filters.
 */
export function listQuery<Shape extends z.ZodRawShape, Sort extends string>(
  shape: Shape,
  spec: ListSpec<Sort>,
  size: { default: number; max: number },
) {
  const keys = Object.keys(spec.sort) as [Sort, ...Sort[]];
  return pagedQuery(
    {
      ...shape,
      q: z
        .string()
        .trim()
        .max(200)
        .optional()
        .meta({ description: `Searches ${spec.search.join(', ')}: case-insensitive, anywhere in the text` }),
      sort: z
        .enum(keys)
        .optional()
        .meta({ description: `What to sort by (default ${spec.defaultSort})` }),
      order: z
        .enum(['asc', 'desc'])
        .optional()
        .meta({ description: "asc or desc (default: the sort key's natural order)" }),
    },
    size,
  );
}
