import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode, errorStatus, errorTitles, type FieldProblem } from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    duplicates: z.array(z.object({ id: z.number().int(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type Problem = z.infer<typeof problemSchema>;

const codeByStatus = new Map<number, ErrorCode>(
  (Object.entries(errorStatus) as [ErrorCode, number][])
    .filter(([code]) => code !== 'validation_failed')
    .map(([code, status]) => [status, code]),
);

interface FieldIssue {
  /** `/admin/email` */
  path: string;
  code: string;
  message?: string | undefined;
  keys?: unknown;
  /** A union's branches: the issues of each. */
  branches?: unknown;
}
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: unknown;
  errors?: unknown;
}

/**
 * A union none of whose branches fits is explained by the branch that came closest (the fewest issues), so
 * the caller learns which field is wrong (`body.priority` is unknown) rather than only "invalid input".
 */
function fieldIssues(issue: FieldIssue): FieldIssue[] {
  const branches = Array.isArray(issue.branches) ? (issue.branches as ZodIssueLike[][]) : [];
  if (issue.code !== 'invalid_union' || branches.length === 0) return [issue];
  const closest = branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
  return closest.flatMap((inner) =>
    fieldIssues({
      path: [issue.path.replace(/\/$/, ''), ...inner.path.map(String)].join('/'),
      code: inner.code,
      message: inner.message,
      keys: inner.keys,
      branches: inner.errors,
    }),
  );
}

/** Turns any error into an AppError: known ones keep their meaning, unknown ones become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldOf = (path: string, key?: string) =>
      [error.validationContext, path.replace(/^\//, '').replaceAll('/', '.'), key].filter(Boolean).join('.');
    const errors: FieldProblem[] = error.validation
      .flatMap((issue) =>
        fieldIssues({
          path: issue.instancePath,
          code: issue.keyword,
          message: issue.message,
          keys: issue.params.keys,
          branches: issue.params.errors,
        }),
      )
      .flatMap((issue) =>
        issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)
          ? issue.keys.map((key) => ({
              field: fieldOf(issue.path, String(key)),
              message: 'Unknown field: this operation does not take it.',
            }))
          : [{ field: fieldOf(issue.path), message: issue.message ?? 'invalid' }],
      );
    return new AppError(
      'validation_failed',
      `The request ${error.validationContext ?? 'input'} is invalid.`,
      {
        errors,
      },
    );
  }
  if (isResponseSerializationError(error))
    return new AppError('internal', 'Response serialization failed.', { cause: error });
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeByStatus.get(status) ?? 'bad_request';
    return new AppError(code, fastifyError.message ?? errorTitles[code], { cause: error });
  }
  return new AppError('internal', 'An unexpected error occurred.', { cause: error });
}

export function problemFor(error: AppError, request: FastifyRequest): Problem {
  const internal = error.status >= 500;
  return {
    type: `https://jobmatch.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: errorTitles[error.code],
    status: error.status,
    detail: internal && error.code === 'internal' ? 'An unexpected error occurred.' : error.message,
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.duplicates ? { duplicates: error.duplicates } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(problemFor(error, reply.request));
}
