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

/** Turns any error into an AppError: known ones keep their meaning, unknown ones become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldOf = (path: string, key?: string) =>
      [error.validationContext, path.replace(/^\//, '').replaceAll('/', '.'), key].filter(Boolean).join('.');
    const errors: FieldProblem[] = error.validation.flatMap((issue) => {
      const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
      if (Array.isArray(unknownKeys)) {
        return unknownKeys.map((key) => ({
          field: fieldOf(issue.instancePath, String(key)),
          message: 'Unknown field: this operation does not take it.',
        }));
      }
      return [{ field: fieldOf(issue.instancePath), message: issue.message ?? 'invalid' }];
    });
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
