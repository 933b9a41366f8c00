import type { KnowledgePassage } from './api';
import { useKt } from './text';

/** A document's passages in order, each under its heading path, as the AI step gets them. */
export function PassageList({ passages }: { passages: KnowledgePassage[] }) {
  const kt = useKt();
  return (
    <ol className="source-list" data-testid="passages">
      {passages.map((p) => (
        <li key={p.id} className="source" data-ordinal={p.ordinal}>
          <h3 className="small">
            {kt('passage.label', { ordinal: p.ordinal })}
            {p.heading ? ` — ${p.heading}` : ''}
          </h3>
          <p className="source-excerpt">{p.text}</p>
        </li>
      ))}
    </ol>
  );
}
