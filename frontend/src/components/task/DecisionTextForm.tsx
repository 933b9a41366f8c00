import type { FormEvent, ReactNode } from 'react';
import { Button } from '../Button';
import { TextAreaField } from '../Field';
import { useI18n } from '../../lib/i18n';
import type { TaskAction } from '../../lib/task/useTaskAction';

/**
 * One decision of a task screen that needs a text (an instruction, a reason, an answer): its title,
 * the text with its error from the server or the screen's own check, and its button.
 */
export function DecisionTextForm({
  action,
  decision,
  field,
  id,
  title,
  label,
  hint,
  value,
  onChange,
  onSubmit,
  submitLabel,
  variant,
  rows = 3,
  children,
}: {
  action: TaskAction;
  decision: string;
  field: string;
  id: string;
  title: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  rows?: number;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form className="decision" onSubmit={onSubmit} noValidate aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      <TextAreaField
        label={label}
        name={field}
        hint={hint}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          action.clearFieldError(field);
        }}
        error={action.fieldErrors[field]}
        required
        rows={rows}
      />
      <div className="form-actions">
        <Button type="submit" variant={variant} busy={action.pending === decision} disabled={action.busy}>
          {action.pending === decision ? t('task.sending') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
