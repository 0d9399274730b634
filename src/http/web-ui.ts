import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** Where `vite build` puts the web application: `dist/web` at the repository root (from src/http or dist/http). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Paths that belong to the API or its docs: an unknown one stays a problem+json 404, never the app's page. */
const API_PREFIXES = ['/api/', '/docs', '/openapi.json', '/healthz', '/readyz'];

export function hasWebUi(root: string): boolean {
  return fs.existsSync(path.join(root, 'index.html'));
}

/**
 * Serves the built web application at `/`: its files, and index.html for a browser's GET of any other
 * page (the app routes in the browser). Anything else unknown stays a problem+json 404.
 */
export async function registerWebUi(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    // Hashed asset names change with their content: cache them; index.html always revalidates.
    setHeaders: (reply, filePath) => {
      reply.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isPage =
      (request.headers.accept ?? '').includes('text/html') &&
      path.extname(pathname) === '' &&
      !API_PREFIXES.some((prefix) => pathname.startsWith(prefix));
    if (!isPage) {
      throw new AppError('not_found', `No route for GET ${pathname}.`);
    }
    return reply.sendFile('index.html');
  });
}
