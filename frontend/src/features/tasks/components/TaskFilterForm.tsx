import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { useI18n } from '../../../lib/i18n';
import type { ListStatus, SuspendedChoice, TaskCounts, TaskCriteria } from '../listApi';

interface TaskFilterFormProps {
  criteria: TaskCriteria;
  counts: TaskCounts | null | undefined;
  /** Names of the use cases, by key. */
  useCaseNames: Record<string, string>;
  /** Refusals of the API, by query parameter: shown next to the field that caused them. */
  fieldErrors: Record<string, string>;
  onApply: (criteria: TaskCriteria) => void;
}

const STATUSES: ListStatus[] = ['open', 'overdue', 'follow_up', 'done'];
const SUSPENDED: SuspendedChoice[] = ['include', 'exclude', 'only'];

/** The query parameters this form has a field for: a refusal of any other is shown above the list. */
export const FILTER_FIELDS = ['useCase', 'status', 'minPriority', 'suspended', 'member', 'text', 'dueAfter', 'dueBefore'];

/** The filters of the task list; selects apply at once, typed text on « Filtrer » (or Enter). */
export function TaskFilterForm({ criteria, counts, useCaseNames, fieldErrors, onApply }: TaskFilterFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<TaskCriteria>(criteria);
  // criteria applied elsewhere (a scope tab, a saved filter) replace what is being typed
  const [shown, setShown] = useState(criteria);
  if (criteria !== shown) {
    setShown(criteria);
    setDraft(criteria);
  }

  const set = (patch: Partial<TaskCriteria>, applyNow = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (applyNow) onApply(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const useCaseKeys = Array.from(new Set([...Object.keys(useCaseNames), ...Object.keys(counts?.byUseCase ?? {})])).filter(Boolean);

  return (
    <form className="task-filters" onSubmit={submit} aria-label={t('tasks.filters')}>
      <SelectField
        label={t('tasks.filter.useCase')}
        value={draft.useCase ?? ''}
        error={fieldErrors.useCase}
        onChange={(e) => set({ useCase: e.target.value || null }, true)}
      >
        <option value="">{t('tasks.filter.anyUseCase')}</option>
        {useCaseKeys.map((key) => (
          <option key={key} value={key}>
            {`${useCaseNames[key] ?? key} (${counts?.byUseCase?.[key] ?? 0})`}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('tasks.filter.status')}
        value={draft.status ?? 'open'}
        error={fieldErrors.status}
        onChange={(e) => set({ status: e.target.value === 'open' ? null : (e.target.value as ListStatus) }, true)}
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`tasks.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('tasks.filter.priority')}
        value={draft.minPriority == null ? '' : String(draft.minPriority)}
        error={fieldErrors.minPriority}
        onChange={(e) => set({ minPriority: e.target.value === '' ? null : Number(e.target.value) }, true)}
      >
        <option value="">{t('tasks.filter.anyPriority')}</option>
        <option value="50">{t('tasks.filter.priorityNormal')}</option>
        <option value="75">{t('tasks.filter.priorityHigh')}</option>
      </SelectField>
      <SelectField
        label={t('tasks.filter.suspended')}
        value={draft.suspended ?? 'include'}
        error={fieldErrors.suspended}
        onChange={(e) =>
          set({ suspended: e.target.value === 'include' ? null : (e.target.value as SuspendedChoice) }, true)
        }
      >
        {SUSPENDED.map((choice) => (
          <option key={choice} value={choice}>
            {t(`tasks.suspended.${choice}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('tasks.filter.member')}
        value={draft.member ?? ''}
        error={fieldErrors.member}
        maxLength={100}
        onChange={(e) => set({ member: e.target.value })}
      />
      <TextField
        label={t('tasks.filter.text')}
        type="search"
        value={draft.text ?? ''}
        error={fieldErrors.text}
        maxLength={200}
        onChange={(e) => set({ text: e.target.value })}
      />
      <TextField
        label={t('tasks.filter.dueAfter')}
        type="date"
        value={draft.dueAfter ?? ''}
        error={fieldErrors.dueAfter}
        onChange={(e) => set({ dueAfter: e.target.value || null })}
      />
      <TextField
        label={t('tasks.filter.dueBefore')}
        type="date"
        value={draft.dueBefore ?? ''}
        error={fieldErrors.dueBefore}
        onChange={(e) => set({ dueBefore: e.target.value || null })}
      />
      <div className="task-filters-actions">
        <Button type="submit">{t('tasks.filter.apply')}</Button>
        <Button
          variant="secondary"
          onClick={() => onApply({ scope: criteria.scope ?? null, sort: criteria.sort ?? null, order: criteria.order ?? null })}
        >
          {t('tasks.filter.clear')}
        </Button>
      </div>
    </form>
  );
}
