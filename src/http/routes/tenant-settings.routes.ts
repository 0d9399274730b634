import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import {
  previewScoringSettings,
  saveScoringSettings,
  showScoringSettings,
} from '../../matching/agency-scoring-settings.js';
import { requireRole, TENANT_ROLES, tenantOf } from '../auth/principal.js';
import { problemSchema } from '../problem.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema } as const;

const weightsSchema = z
  .object({
    skill: z.number().min(0).max(1),
    experience: z.number().min(0).max(1),
    location: z.number().min(0).max(1),
    salary: z.number().min(0).max(1),
    semantic: z.number().min(0).max(1),
  })
  .strict()
  .meta({ description: 'Component weights, each 0-1, summing to 1 (kept to 3 decimals)' });

const settingsSchema = z
  .object({
    weights: weightsSchema,
    recommend_threshold: z.number(),
    match_list_size: z.number().int().nullable().meta({
      description: 'Suggested matches kept per candidate (best first); null: the server default',
    }),
    match_floor: z.number().nullable().meta({
      description: 'Lowest score a suggested match is kept at; null: the server default',
    }),
    customized: z.boolean(),
    updated_at: z.date().nullable(),
  })
  .meta({
    id: 'TenantSettings',
    examples: [
      {
        weights: { skill: 0.35, experience: 0.2, location: 0.15, salary: 0.1, semantic: 0.2 },
        recommend_threshold: 70,
        match_list_size: null,
        match_floor: null,
        customized: true,
        updated_at: '2026-11-28T14:05:00.000Z',
      },
    ],
  });

const settingsBody = z
  .object({
    weights: weightsSchema.optional(),
    recommend_threshold: z.number().min(0).max(100).optional(),
    match_list_size: z.number().int().min(0).max(1000).nullable().optional(),
    match_floor: z.number().min(0).max(100).nullable().optional(),
  })
  .strict();

const previewSchema = z
  .object({
    settings: z.object({ weights: weightsSchema, recommend_threshold: z.number() }),
    sampled: z.number().int(),
    recommended_before: z.number().int(),
    recommended_after: z.number().int(),
    mean_change: z.number(),
    matches: z.array(
      z.object({
        match_id: z.number().int(),
        candidate_id: z.number().int(),
        job_posting_id: z.number().int(),
        before: z.object({ match_score: z.number(), is_recommended: z.boolean() }),
        after: z.object({ match_score: z.number(), is_recommended: z.boolean() }),
      }),
    ),
  })
  .meta({
    examples: [
      {
        settings: {
          weights: { skill: 0.45, experience: 0.2, location: 0.1, salary: 0.05, semantic: 0.2 },
          recommend_threshold: 75,
        },
        sampled: 100,
        recommended_before: 38,
        recommended_after: 31,
        mean_change: -1.8,
        matches: [
          {
            match_id: 9001,
            candidate_id: 42,
            job_posting_id: 1207,
            before: { match_score: 87.5, is_recommended: true },
            after: { match_score: 89.1, is_recommended: true },
          },
        ],
      },
    ],
  });

function input(body: z.infer<typeof settingsBody>) {
  return {
    ...(body.weights ? { weights: body.weights } : {}),
    ...(body.recommend_threshold === undefined ? {} : { recommend_threshold: body.recommend_threshold }),
    ...(body.match_list_size === undefined ? {} : { match_list_size: body.match_list_size }),
    ...(body.match_floor === undefined ? {} : { match_floor: body.match_floor }),
  };
}

/** The agency's scoring weights and recommendation threshold; only tenant admins change them. */
export function tenantSettingsRoutes(deps: { database: Database }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tenant/settings',
      {
        preHandler: requireRole(...TENANT_ROLES),
        schema: {
          tags: ['settings'],
          summary: "The agency's scoring weights and recommendation threshold (defaults until saved)",
          description:
            'The weights of skill, experience, location, salary and semantic fit and the score from which a match is recommended.',
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) => showScoringSettings(deps.database, tenantOf(request)),
    );

    app.put(
      '/api/tenant/settings',
      {
        preHandler: requireRole('TENANT_ADMIN'),
        schema: {
          tags: ['settings'],
          summary: 'Save weights (must sum to 1, else 422) and/or the recommendation threshold',
          description:
            'New and rescored matches use them; stored scores change when their pairs are rescored.',
          body: settingsBody,
          response: { 200: settingsSchema, ...errors },
        },
      },
      async (request) =>
        saveScoringSettings(
          deps.database,
          tenantOf(request),
          input(request.body),
          request.principal?.userId ?? null,
        ),
    );

    app.post(
      '/api/tenant/settings/preview',
      {
        preHandler: requireRole('TENANT_ADMIN'),
        schema: {
          tags: ['settings'],
          summary:
            "Before/after scores of the agency's best stored matches under proposed settings (nothing saved)",
          description:
            "Rescores a sample of the agency's best stored matches with the proposed weights and threshold and reports how many would be recommended before and after; nothing is saved. Weights that do not sum to 1 are a 422.",
          body: settingsBody,
          querystring: z.object({ sample: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: previewSchema, ...errors },
        },
      },
      async (request) =>
        previewScoringSettings(deps.database, tenantOf(request), input(request.body), request.query.sample),
    );
  };
}
