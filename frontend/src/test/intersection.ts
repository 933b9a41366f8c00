import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * An IntersectionObserver the test drives: `reveal()` brings the observed end of the text on screen
 * (the full-display rule waits for it). Undo with `vi.unstubAllGlobals()` after the test.
 */
export function stubObserver() {
  const observed: Array<{ callback: IntersectionObserverCallback; target: Element }> = [];
  class StubObserver {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(target: Element) {
      observed.push({ callback: this.callback, target });
    }
    disconnect() {}
    unobserve() {}
    takeRecords() {
      return [];
    }
  }
  vi.stubGlobal('IntersectionObserver', StubObserver);
  return {
    reveal: () =>
      act(() =>
        observed.forEach(({ callback, target }) =>
          callback([{ isIntersecting: true, target } as unknown as IntersectionObserverEntry], {} as IntersectionObserver),
        ),
      ),
  };
}
