/**
 * Outgoing webhook requests that never reach an address the operator did not allow: every address a host
 * name resolves to is checked inside the connection's own DNS lookup (no second resolution to rebind), IP
 * literals are checked before connecting, redirects are not followed (one to a blocked address is reported
 * as refused), the whole exchange has a deadline, and at most a small excerpt of the answer is read.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AddressKind, addressKind } from '../domain/network-address.js';

export interface OutgoingPolicy {
  /** Address kinds besides `public` that may be reached (the operator's JOBMATCH_WEBHOOK_ALLOW_NETWORKS). */
  allow: readonly AddressKind[];
  timeoutMs: number;
}

export interface OutgoingResult {
  /** The HTTP status, when an answer came. */
  status: number | null;
  durationMs: number;
  /** Why the delivery did not succeed; null on a 2xx. */
  error: string | null;
  /** True when the request was refused before connecting (a blocked address): retrying will not help. */
  refused: boolean;
  excerpt: string | null;
}

const EXCERPT_BYTES = 1024;

class RefusedAddress extends Error {}

const allowed = (kind: AddressKind, policy: OutgoingPolicy) =>
  kind === 'public' || policy.allow.includes(kind);

/** Why a URL may not be called at all (scheme, literal address), or null. */
export function refusalOf(url: URL, policy: OutgoingPolicy): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} URLs are not supported`;
  if (url.username || url.password) return 'URLs with credentials are not accepted';
  const kind = addressKind(url.hostname);
  if (kind !== null && !allowed(kind, policy)) return `${url.hostname} is a ${kind} address`;
  if (url.protocol === 'http:' && !(kind === 'loopback' && allowed(kind, policy)))
    return 'webhook endpoints must use https';
  return null;
}

function guardedLookup(policy: OutgoingPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const blocked = addresses.find((entry) => !allowed(addressKind(entry.address) ?? 'reserved', policy));
      if (blocked) {
        const kind = addressKind(blocked.address);
        return callback(
          new RefusedAddress(`${hostname} resolves to ${blocked.address}, a ${kind} address`),
          '',
          0,
        );
      }
      if (options.all) return callback(null, addresses as never, 0);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

export function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: OutgoingPolicy,
): Promise<OutgoingResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = refusalOf(url, policy);
  if (refusal) {
    return Promise.resolve({
      status: null,
      durationMs: 0,
      error: `refused: ${refusal}`,
      refused: true,
      excerpt: null,
    });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<OutgoingResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve({ ...result, durationMs: elapsed() });
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      lookup: guardedLookup(policy),
      // Node does not follow redirects; a webhook is not re-sent elsewhere.
    });
    const deadline = setTimeout(
      () =>
        finish({
          status: null,
          error: `timed out after ${policy.timeoutMs} ms`,
          refused: false,
          excerpt: null,
        }),
      policy.timeoutMs,
    );
    request.on('error', (error) =>
      finish({
        status: null,
        error: error instanceof RefusedAddress ? `refused: ${error.message}` : error.message || String(error),
        refused: error instanceof RefusedAddress,
        excerpt: null,
      }),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
        if (status >= 200 && status < 300) return finish({ status, error: null, refused: false, excerpt });
        if (status >= 300 && status < 400) {
          const location = response.headers.location ?? '';
          let target: URL | null = null;
          try {
            target = new URL(location, url);
          } catch {
            // An unparsable Location is reported as it is.
          }
          const blocked = target ? refusalOf(target, policy) : null;
          return finish({
            status,
            error: blocked
              ? `refused: redirect to ${location} (${blocked})`
              : `redirected to ${location || '(no location)'}; webhooks do not follow redirects`,
            refused: blocked !== null,
            excerpt,
          });
        }
        return finish({ status, error: `answered ${status}`, refused: false, excerpt });
      };
      // Only the start of the answer is read: a huge answer is cut off, not downloaded.
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
