import type { ReactNode } from 'react';

/**
 * A table's scrolling frame. A wide table scrolls sideways: the frame is then reachable with the
 * keyboard and named, so it can be scrolled without a mouse (WCAG 2.1.1, axe's
 * scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
