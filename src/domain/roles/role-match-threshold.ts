/**
 * Least cosine similarity for the vector stage of role normalization to map a text onto an existing role,
 * calibrated with `npm run eval:roles` on the local provider (see docs/decisions/roles.md).
 * Other providers have other similarity scales: set JOBMATCH_ROLE_MATCH_THRESHOLD when switching.
 */
export const DEFAULT_ROLE_MATCH_THRESHOLD = 0.65;

/** Nearest roles fetched from the vector index; the technology veto may skip the closest ones. */
export const ROLE_VECTOR_CANDIDATES = 5;
