import { z } from 'zod';

/** The largest value of PostgreSQL's `integer` (and of a `serial` id): inputs past it are refused with 400. */
export const INT4_MAX = 2_147_483_647;

/** A row id in a path or query string. */
export const databaseId = z.coerce.number().int().positive().max(INT4_MAX);
/** A row id in a JSON body (no coercion). */
export const databaseIdValue = z.number().int().positive().max(INT4_MAX);
export const idParams = z.object({ id: databaseId.meta({ examples: [42] }) });
/** How many rows a page skips. */
export const pageOffset = z.coerce.number().int().min(0).max(1_000_000).default(0);
