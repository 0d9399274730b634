import { isIPv6 } from 'node:net';

export interface FailedAuthLimiterOptions {
  /** Failures allowed from one client within `windowMs` before it is blocked. */
  limit: number;
  /** The sliding window over which failures are counted, and how long a block lasts. */
  windowMs: number;
  /** Clients tracked at once; the least recently seen are forgotten first. */
  maxClients?: number;
  now?: () => number;
}

export interface FailedAuthLimiter {
  /** Milliseconds until `ip` may try again, or 0 when it is not blocked. */
  blockedForMs(ip: string): number;
  /** Counts one failed attempt; the attempt that reaches the limit starts a block of `windowMs`. */
  recordFailure(ip: string): void;
  /** Number of clients currently tracked (for tests and metrics). */
  readonly size: number;
}

interface ClientState {
  /** Failure times within the window, oldest first; never longer than `limit`. */
  failures: number[];
  blockedUntil: number;
}

export const DEFAULT_MAX_CLIENTS = 10_000;

/**
 * Groups addresses the way one client controls them: an IPv4 address, or the /64 network of an IPv6
 * address (a single host is routinely handed a whole /64, so counting per address would be no limit).
 */
export function clientKeyOf(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * In-memory limiter of failed authentications per client. Once a client reaches `limit` failures within
 * `windowMs`, every attempt from it (even with a valid key) is refused for `windowMs`: otherwise a blocked
 * guesser would still learn which guess is right. Memory is bounded by `maxClients`.
 */
export function createFailedAuthLimiter(options: FailedAuthLimiterOptions): FailedAuthLimiter {
  if (!(options.limit >= 1 && options.windowMs >= 1)) {
    throw new Error('failed-auth limiter needs limit >= 1 and windowMs >= 1');
  }
  const { limit, windowMs } = options;
  const maxClients = Math.max(1, options.maxClients ?? DEFAULT_MAX_CLIENTS);
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on each touch keeps the least recently seen first.
  const clients = new Map<string, ClientState>();

  const isStale = (state: ClientState, at: number) =>
    state.blockedUntil <= at && (state.failures.at(-1) ?? Number.NEGATIVE_INFINITY) <= at - windowMs;

  return {
    blockedForMs(ip) {
      const key = clientKeyOf(ip);
      const state = clients.get(key);
      if (!state) return 0;
      const at = now();
      if (isStale(state, at)) {
        clients.delete(key);
        return 0;
      }
      return Math.max(0, state.blockedUntil - at);
    },

    recordFailure(ip) {
      const key = clientKeyOf(ip);
      const at = now();
      const state = clients.get(key) ?? { failures: [], blockedUntil: 0 };
      clients.delete(key);
      const failures = state.failures.filter((time) => time > at - windowMs);
      failures.push(at);
      if (failures.length >= limit) {
        state.blockedUntil = Math.max(state.blockedUntil, at + windowMs);
        state.failures = [];
      } else {
        state.failures = failures;
      }
      clients.set(key, state);
      while (clients.size > maxClients) {
        const oldest = clients.keys().next().value;
        if (oldest === undefined) break;
        clients.delete(oldest);
      }
    },

    get size() {
      return clients.size;
    },
  };
}
