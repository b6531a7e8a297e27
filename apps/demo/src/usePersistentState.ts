import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';

/**
 * useState mirrored in web storage, so a reload (or the return from redirect mode) finds the demo
 * as it was. Unreadable or blocked storage falls back to the initial value.
 */
export function usePersistentState<T>(
  key: string,
  initial: T,
  area: 'local' | 'session',
): [T, Dispatch<SetStateAction<T>>] {
  const storage = () => (area === 'local' ? globalThis.localStorage : globalThis.sessionStorage);
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = storage()?.getItem(key);
      return raw == null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the storage area never changes
  useEffect(() => {
    try {
      if (value === null || value === undefined) storage()?.removeItem(key);
      else storage()?.setItem(key, JSON.stringify(value));
    } catch {
      // Private mode or a full quota: the demo still works, it just forgets on reload.
    }
  }, [key, value]);
  return [value, setValue];
}
