import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/useQuery';
import { fetchDiagram, type ProcessDiagramData } from '../api';

interface Canvas {
  zoom: (level: 'fit-viewport') => void;
  addMarker: (id: string, marker: string) => void;
}

interface Viewer {
  importXML: (xml: string) => Promise<unknown>;
  get: (service: 'canvas') => Canvas;
  destroy: () => void;
}

/** The names of the BPMN elements, read from the XML (for the text that says where the case is). */
export function activityNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const id = element.getAttribute('id');
    const name = element.getAttribute('name');
    if (id && name) names.set(id, name.replace(/\s+/g, ' ').trim());
  }
  return names;
}

/**
 * The case's process with bpmn-js: the current activity highlighted, the completed ones marked.
 * bpmn-js is imported only when this panel shows. The same facts are written out in words.
 */
export function ProcessDiagram({ caseId, refreshKey }: { caseId: number; refreshKey: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(`diagram-${caseId}-${refreshKey}`, (signal) => fetchDiagram(caseId, signal));
  return (
    <section className="panel" aria-labelledby="diagram-title" data-testid="process-diagram">
      <h2 id="diagram-title">{t('diagram.title')}</h2>
      {loading && !data ? <Loading /> : null}
      <ErrorMessage error={error} onRetry={reload} />
      {data ? <DiagramCanvas diagram={data} /> : null}
    </section>
  );
}

function DiagramCanvas({ diagram }: { diagram: ProcessDiagramData }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const names = useMemo(() => activityNames(diagram.xml), [diagram.xml]);
  const label = (ids: string[]) => ids.map((id) => names.get(id)).filter(Boolean).join(', ');
  const active = label(diagram.activeActivityIds);
  const done = label(diagram.completedActivityIds);

  useEffect(() => {
    let cancelled = false;
    let viewer: Viewer | null = null;
    Promise.all([import('bpmn-js/lib/NavigatedViewer'), import('bpmn-js/dist/assets/diagram-js.css')])
      .then(async ([{ default: NavigatedViewer }]) => {
        if (cancelled || !container.current) return;
        viewer = new NavigatedViewer({ container: container.current }) as unknown as Viewer;
        await viewer.importXML(diagram.xml);
        if (cancelled) return;
        const canvas = viewer.get('canvas');
        canvas.zoom('fit-viewport');
        const mark = (ids: string[], marker: string) =>
          ids.forEach((id) => {
            try {
              canvas.addMarker(id, marker);
            } catch {
              // an id without a shape (e.g. a sub-process scope): nothing to mark
            }
          });
        mark(diagram.completedActivityIds, 'diagram-done');
        mark(diagram.activeActivityIds, 'diagram-active');
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [diagram]);

  return (
    <figure className="diagram">
      <div ref={container} className="diagram-canvas" data-testid="diagram-canvas" />
      {failed ? <p className="alert alert-error">{t('diagram.failed')}</p> : null}
      <figcaption>
        <p className="strong">{t('diagram.label', { name: diagram.processName ?? diagram.processDefinitionKey })}</p>
        <p data-testid="diagram-current">{diagram.ended ? t('diagram.ended') : t('diagram.current', { steps: active || '—' })}</p>
        {done ? <p className="muted small">{t('diagram.done', { steps: done })}</p> : null}
        <p className="diagram-legend small" aria-hidden="true">
          <span className="legend legend-active" /> {t('diagram.legendActive')} <span className="legend legend-done" /> {t('diagram.legendDone')}
        </p>
      </figcaption>
    </figure>
  );
}
