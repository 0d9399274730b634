import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { addressKind } from '../../domain/network-address.js';
import { AppError } from '../../errors.js';
import { metricsRegistry, recordHttpRequest } from '../../operations/metrics.js';

/** An `onResponse` hook for the whole app: counts and times every answered request by its route pattern. */
export async function countRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  recordHttpRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
}

/**
 * `GET /metrics` in Prometheus's text format, for a scraper on this host (a loopback client address, as
 * Fastify sees it: behind a trusted proxy, the forwarded one) or a signed-in platform admin.
 */
export function metricsRoutes(): FastifyPluginAsync {
  return async (app) => {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const local = addressKind(request.ip) === 'loopback';
      if (!local && request.principal?.role !== 'PM_ADMIN')
        throw new AppError(
          request.principal ? 'forbidden' : 'unauthorized',
          'Metrics are for platform admins, or for a scraper on this host.',
        );
      reply.type(metricsRegistry.contentType);
      return metricsRegistry.metrics();
    });
  };
}
