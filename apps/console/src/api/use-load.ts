import { useCallback, useEffect, useState } from 'react';

/** Loads once per change of `dependencies`; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, dependencies: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const run = useCallback(() => {
    setLoading(true);
    return load().then(
      (value) => {
        setData(value);
        setError(null);
        setLoading(false);
      },
      (problem: Error) => {
        setError(problem);
        setLoading(false);
      },
    );
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  }, dependencies);
  useEffect(() => {
    void run();
  }, [run]);
  return { data, error, loading, reload: run, setData };
}
