import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextField } from '../../../components/Field';
import { placeFieldErrors } from '../../../lib/fieldErrors';
import { useI18n } from '../../../lib/i18n';
import {
  claimTask,
  fetchCandidates,
  handOverTask,
  setTaskDates,
  unclaimTask,
  type Person,
  type TaskListItem,
} from '../listApi';

interface TaskRowActionsProps {
  task: TaskListItem;
  username: string;
  /** Called after a change, with the confirmation to announce. */
  onChanged: (message: string) => void;
}

type Panel = 'none' | 'handOver' | 'dates';

/** Claim, unclaim, hand over and dates of one task; a refusal is shown right here, under the buttons. */
export function TaskRowActions({ task, username, onChanged }: TaskRowActionsProps) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [people, setPeople] = useState<Person[] | null>(null);
  const [target, setTarget] = useState('');
  const [due, setDue] = useState(task.dueAt ? task.dueAt.slice(0, 10) : '');
  const [followUp, setFollowUp] = useState(task.followUpAt ? task.followUpAt.slice(0, 10) : '');
  if (task.status !== 'OPEN') return null;
  if (task.suspended) return <p className="muted small">{t('tasks.suspendedHint')}</p>;
  const mine = task.assignee === username;
  const free = task.assignee === null;
  const label = task.subject ?? task.name;

  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      await action();
      setPanel('none');
      onChanged(message);
    } catch (e) {
      // a refusal about a field of the open panel goes next to it; any other under the buttons
      const placed = placeFieldErrors(e, panel === 'handOver' ? ['username'] : panel === 'dates' ? ['due', 'followUp'] : []);
      setFieldErrors(placed.fieldErrors);
      setError(placed.error);
    } finally {
      setBusy(false);
    }
  };
  const openHandOver = async () => {
    setPanel('handOver');
    setError(undefined);
    try {
      const candidates = await fetchCandidates(task.id);
      setPeople(candidates);
      setTarget(candidates[0]?.username ?? '');
    } catch (e) {
      setError(e);
    }
  };
  const handOver = (event: FormEvent) => {
    event.preventDefault();
    const person = people?.find((p) => p.username === target);
    void run(() => handOverTask(task.id, target), t('tasks.action.handedOver', { name: person?.displayName ?? target }));
  };
  const saveDates = (event: FormEvent) => {
    event.preventDefault();
    void run(() => setTaskDates(task.id, due || null, followUp || null), t('tasks.action.datesSaved'));
  };

  return (
    <div className="row-actions">
      <div className="row-buttons">
        {free ? (
          <Button variant="secondary" busy={busy} aria-label={`${t('tasks.action.claim')} : ${label}`}
            onClick={() => void run(() => claimTask(task.id), t('tasks.action.claimed'))}>
            {t('tasks.action.claim')}
          </Button>
        ) : null}
        {mine ? (
          <Button variant="secondary" busy={busy} aria-label={`${t('tasks.action.unclaim')} : ${label}`}
            onClick={() => void run(() => unclaimTask(task.id), t('tasks.action.unclaimed'))}>
            {t('tasks.action.unclaim')}
          </Button>
        ) : null}
        {mine || free ? (
          <Button variant="link" aria-expanded={panel === 'handOver'} aria-label={`${t('tasks.action.handOver')} ${label}`}
            onClick={() => (panel === 'handOver' ? setPanel('none') : void openHandOver())}>
            {t('tasks.action.handOver')}
          </Button>
        ) : null}
        {mine ? (
          <Button variant="link" aria-expanded={panel === 'dates'} aria-label={`${t('tasks.action.dates')} ${label}`}
            onClick={() => setPanel(panel === 'dates' ? 'none' : 'dates')}>
            {t('tasks.action.dates')}
          </Button>
        ) : null}
      </div>
      {panel === 'handOver' && people ? (
        people.length === 0 ? (
          <p className="muted">{t('tasks.action.noCandidates')}</p>
        ) : (
          <form className="row-panel" onSubmit={handOver}>
            <SelectField label={t('tasks.action.handOverTo')} value={target} error={fieldErrors.username}
              onChange={(e) => setTarget(e.target.value)}>
              {people.map((p) => (
                <option key={p.username} value={p.username}>
                  {p.displayName}
                </option>
              ))}
            </SelectField>
            <Button type="submit" busy={busy}>{t('tasks.action.confirmHandOver')}</Button>
            <Button variant="link" onClick={() => setPanel('none')}>{t('tasks.action.cancel')}</Button>
          </form>
        )
      ) : null}
      {panel === 'dates' ? (
        <form className="row-panel" onSubmit={saveDates}>
          <TextField label={t('tasks.action.due')} type="date" value={due} error={fieldErrors.due}
            onChange={(e) => setDue(e.target.value)} />
          <TextField label={t('tasks.action.followUp')} type="date" value={followUp} error={fieldErrors.followUp}
            onChange={(e) => setFollowUp(e.target.value)} />
          <Button type="submit" busy={busy}>{t('tasks.action.saveDates')}</Button>
          <Button variant="link" onClick={() => setPanel('none')}>{t('tasks.action.cancel')}</Button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
