import { useEffect, useState } from 'react';
import { get } from './api';

const listeners = new Set<() => void>();

/** Tells the header badge to count again (after marking entries read). */
export function notifyInboxChanged(): void {
  for (const listener of listeners) listener();
}

/** Unread inbox entries, polled every 30 s while signed in as an agency user. */
export function useUnreadCount(enabled: boolean): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = () =>
      void get<{ unread: number }>('/api/inbox/unread-count').then(
        (body) => {
          if (!cancelled) setCount(body.unread);
        },
        () => undefined,
      );
    load();
    listeners.add(load);
    const timer = setInterval(load, 30_000);
    return () => {
      cancelled = true;
      listeners.delete(load);
      clearInterval(timer);
    };
  }, [enabled]);
  return count;
}
