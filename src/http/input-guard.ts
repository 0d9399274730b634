import type { FastifyRequest } from 'fastify';
import { checkInputSafety } from '../domain/input-safety.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Request paths (e.g. `body.jobs`) whose strings are free text: control characters are removed there. */
    freeText?: readonly string[];
  }
}

/**
 * Runs before schema validation on every route: control characters, deep nesting and huge arrays in the
 * path, query string or JSON body are refused with 400 naming the field, before they reach a schema or SQL.
 */
export async function inputGuard(request: FastifyRequest): Promise<void> {
  const freeText = request.routeOptions.config?.freeText ?? [];
  const problems = [
    ...checkInputSafety(request.params, 'params'),
    ...checkInputSafety(request.query, 'querystring'),
    ...checkInputSafety(request.body, 'body', { freeText }),
  ];
  if (problems.length > 0) {
    throw new AppError('validation_failed', 'The request holds characters or structure no field accepts.', {
      errors: problems,
    });
  }
}
