import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, get, type Query } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs a resource whenever its path or query changes; a null path loads nothing. */
export function useGet<T>(path: string | null, query?: Query): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const queryRef = useRef(query);
  queryRef.current = query;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path and query.
  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setLoading(true);
    get<T>(path, queryRef.current).then(
      (value) => {
        if (cancelled) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (reason: ApiError) => {
        if (cancelled) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

/** Runs one action at a time, remembering its error for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async <R>(action: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (reason) {
      setError(reason as ApiError);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(undefined) };
}
