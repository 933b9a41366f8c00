import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';

/** What form-js gives back on submit: the values, and the errors per field id (empty when valid). */
export interface FormResult {
  data: Record<string, unknown>;
  errors: Record<string, unknown>;
}

export interface CamundaFormHandle {
  /** Validates (showing the errors in the form) and returns the values. */
  submit: () => FormResult | null;
}

interface FormViewer {
  importSchema: (schema: unknown, data?: unknown) => Promise<unknown>;
  submit: () => FormResult;
  destroy: () => void;
}

/**
 * A Camunda Form (from `forms/`, as the task's `camunda:formRef` names it) rendered by form-js.
 * form-js weighs ~1 MB: it is imported only when a form is shown, never in the initial bundle.
 */
export const CamundaForm = forwardRef<CamundaFormHandle, { schema: Record<string, unknown>; data: Record<string, unknown> }>(
  function CamundaForm({ schema, data }, ref) {
    const { t } = useI18n();
    const container = useRef<HTMLDivElement>(null);
    const form = useRef<FormViewer | null>(null);
    const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

    useImperativeHandle(ref, () => ({ submit: () => form.current?.submit() ?? null }), []);

    useEffect(() => {
      let cancelled = false;
      let viewer: FormViewer | null = null;
      setState('loading');
      Promise.all([import('@bpmn-io/form-js-viewer'), import('@bpmn-io/form-js-viewer/dist/assets/form-js.css')])
        .then(async ([{ Form }]) => {
          if (cancelled || !container.current) return;
          viewer = new Form({ container: container.current }) as unknown as FormViewer;
          await viewer.importSchema(schema, data);
          if (cancelled) return;
          form.current = viewer;
          setState('ready');
        })
        .catch(() => {
          if (!cancelled) setState('failed');
        });
      return () => {
        cancelled = true;
        form.current = null;
        viewer?.destroy();
      };
    }, [schema, data]);

    return (
      <div className="camunda-form" data-testid="camunda-form" aria-busy={state === 'loading' || undefined}>
        {state === 'loading' ? (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('form.loading')}
          </p>
        ) : null}
        {state === 'failed' ? (
          <p className="alert alert-error" role="alert">
            {t('form.loadFailed')}
          </p>
        ) : null}
        <div ref={container} lang="fr" />
      </div>
    );
  },
);
