import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. Sets the document title and moves focus to the heading when the page
 * opens, so screen-reader users hear where they arrived after a client-side navigation.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Tandem`;
  }, [title]);
  useEffect(() => {
    // Only steal focus from the page body, never from a field the person is using.
    const active = document.activeElement;
    if (!active || active === document.body || !document.getElementById('main')?.contains(active)) {
      ref.current?.focus({ preventScroll: true });
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
