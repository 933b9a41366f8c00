import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface ShellProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

interface Ids {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

function useFieldIds(hint?: string, error?: string, explicitId?: string): Ids & { hintId: string; errorId: string } {
  const generated = useId();
  const id = explicitId ?? `f${generated.replace(/:/g, '')}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy, invalid: !!error };
}

function Shell({ label, hint, error, ids, children }: ShellProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={ids.id}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={ids.errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = ShellProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'required'>;

export function TextField({ label, hint, error, required, id, className, ...input }: TextFieldProps) {
  const ids = useFieldIds(hint, error, id);
  return (
    <Shell label={label} hint={hint} error={error} ids={ids}>
      <input
        id={ids.id}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
      />
    </Shell>
  );
}

type TextAreaFieldProps = ShellProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'required'>;

export function TextAreaField({ label, hint, error, required, id, className, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds(hint, error, id);
  return (
    <Shell label={label} hint={hint} error={error} ids={ids}>
      <textarea
        id={ids.id}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...textarea}
      />
    </Shell>
  );
}

type SelectFieldProps = ShellProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'required'> & { children: ReactNode };

export function SelectField({ label, hint, error, required, id, className, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(hint, error, id);
  return (
    <Shell label={label} hint={hint} error={error} ids={ids}>
      <select
        id={ids.id}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...select}
      >
        {children}
      </select>
    </Shell>
  );
}
