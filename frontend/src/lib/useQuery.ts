import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface QueryResult<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions<T> {
  /** Milliseconds until the next fetch, or false to stop polling; evaluated after each fetch. */
  refetchInterval?: number | false | ((data: T | undefined, error: unknown) => number | false);
  initialData?: T;
}

/**
 * Fetches when `key` changes, optionally polls, and ignores answers that arrive after the
 * component moved on. A failed refetch keeps the last data and reports the error.
 */
export function useQuery<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>, options: QueryOptions<T> = {}): QueryResult<T> {
  const [data, setData] = useState<T | undefined>(options.initialData);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(options.initialData === undefined);
  const [generation, setGeneration] = useState(0);
  // the newest fetcher and interval, read when a fetch starts and ends: they change at each render
  // without being a reason to fetch again (only `key` and `reload` are)
  const fetchLatest = useEffectEvent((signal: AbortSignal) => fetcher(signal));
  const nextDelay = useEffectEvent((latest: T | undefined, failure: unknown) => {
    const interval = options.refetchInterval;
    return typeof interval === 'function' ? interval(latest, failure) : interval;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let active = true;

    const run = async () => {
      controller = new AbortController();
      let latest: T | undefined;
      let failure: unknown;
      try {
        latest = await fetchLatest(controller.signal);
        if (!active) return;
        setData(latest);
        setError(undefined);
      } catch (e) {
        if (!active) return;
        failure = e;
        setError(e);
      }
      if (!active) return;
      setLoading(false);
      const delay = nextDelay(latest, failure);
      if (typeof delay === 'number' && delay > 0) timer = setTimeout(run, delay);
    };

    void run();
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
