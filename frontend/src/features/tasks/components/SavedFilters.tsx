import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextField } from '../../../components/Field';
import { placeFieldErrors } from '../../../lib/fieldErrors';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/useQuery';
import { deleteFilter, fetchSavedFilters, saveFilter, type SavedFilter, type TaskCriteria } from '../listApi';

interface SavedFiltersProps {
  criteria: TaskCriteria;
  groups: string[];
  onSelect: (criteria: TaskCriteria) => void;
  /** Changes when the list was fetched again: the counts follow it. */
  refreshKey?: string;
}

// the criteria a saved filter keeps are the list's filters: their refusals name these fields
const SAVE_FIELDS = ['name', 'groupId'];

/** Filters saved for a group (only its members see them): choose one, save the current one, delete one. */
export function SavedFilters({ criteria, groups, onSelect, refreshKey = '' }: SavedFiltersProps) {
  const { t } = useI18n();
  const { data: filters, error: loadError, reload } = useQuery(`task-filters-${refreshKey}`, (signal) =>
    fetchSavedFilters(signal),
  );
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const [group, setGroup] = useState(groups[groups.length - 1] ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const [removeError, setRemoveError] = useState<unknown>(undefined);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const choose = (id: string) => {
    setSelected(id);
    const filter = filters?.find((f) => String(f.id) === id);
    if (filter) onSelect(filter.criteria);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    setMessage('');
    try {
      const saved: SavedFilter = await saveFilter(name.trim(), group, criteria);
      setMessage(t('tasks.saved.saved', { name: saved.name, group: saved.groupId }));
      setName('');
      setSelected(String(saved.id));
      reload();
    } catch (e) {
      // a refused criterion (e.g. a date) is not a field of this form: said next to the save button
      const placed = placeFieldErrors(e, SAVE_FIELDS);
      setFieldErrors(placed.fieldErrors);
      setError(placed.error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setRemoveError(undefined);
    setMessage('');
    try {
      await deleteFilter(Number(selected));
      setSelected('');
      setMessage(t('tasks.saved.deleted'));
      reload();
    } catch (e) {
      setRemoveError(e);
    }
  };

  return (
    <div className="saved-filters">
      <div className="saved-filters-row">
        <SelectField label={t('tasks.saved.label')} value={selected} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('tasks.saved.none')}</option>
          {(filters ?? []).map((f) => (
            <option key={f.id} value={String(f.id)}>
              {f.count == null ? `${f.name} (${f.groupId})` : t('tasks.saved.option', { name: f.name, group: f.groupId, count: f.count })}
            </option>
          ))}
        </SelectField>
        {selected ? (
          <Button variant="secondary" onClick={() => void remove()}>
            {t('tasks.saved.delete')}
          </Button>
        ) : null}
        <ErrorMessage error={removeError} />
      </div>
      <ErrorMessage error={loadError} onRetry={reload} />
      <form className="saved-filters-row" onSubmit={(e) => void save(e)}>
        <TextField
          label={t('tasks.saved.name')}
          value={name}
          maxLength={80}
          error={fieldErrors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField label={t('tasks.saved.group')} value={group} error={fieldErrors.groupId} onChange={(e) => setGroup(e.target.value)}>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" busy={busy}>
          {t('tasks.saved.save')}
        </Button>
        <ErrorMessage error={error} />
      </form>
      <div role="status" className="status-message">
        {message ? <p className="alert alert-success">{message}</p> : null}
      </div>
    </div>
  );
}
