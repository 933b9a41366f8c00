import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Against rubber-stamping (AI Act art. 14(4)(b)): tracks whether the person has displayed the
 * whole text (its end came on screen) and opened each of its sources, and how long the page was
 * in view. The decision carries that time (`displayedMs`): the server records the display with the
 * decision, in one request, and refuses an acceptance without it.
 */
export function useFullDisplay(sourceKeys: readonly string[]) {
  const [endSeen, setEndSeen] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const spent = useRef(0);
  const since = useRef<number | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);

  // time counts only while the page is visible (another tab or a locked screen is not reading)
  useEffect(() => {
    const sync = () => {
      const visible = document.visibilityState !== 'hidden';
      if (visible && since.current === null) since.current = performance.now();
      if (!visible && since.current !== null) {
        spent.current += performance.now() - since.current;
        since.current = null;
      }
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => document.removeEventListener('visibilitychange', sync);
  }, []);

  /** Put on an element at the very end of the text: seen once it has been on screen. */
  const endRef = useCallback((node: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!node) return;
    if (typeof IntersectionObserver === 'undefined') {
      // no way to know (very old browser): do not lock the person out
      setEndSeen(true);
      return;
    }
    observer.current = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setEndSeen(true);
        observer.current?.disconnect();
      }
    });
    observer.current.observe(node);
  }, []);

  const open = useCallback((key: string) => {
    setOpened((keys) => (keys.has(key) ? keys : new Set([...keys, key])));
  }, []);

  const elapsed = () => spent.current + (since.current === null ? 0 : performance.now() - since.current);
  const missingSources = sourceKeys.filter((key) => !opened.has(key)).length;
  const complete = endSeen && missingSources === 0;

  /** The time to send with the decision, in whole milliseconds. */
  const displayedMs = () => Math.max(0, Math.round(elapsed()));

  return { endRef, endSeen, opened, open, missingSources, complete, displayedMs };
}

export type FullDisplay = ReturnType<typeof useFullDisplay>;
