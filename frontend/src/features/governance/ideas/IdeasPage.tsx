import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { ApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useQuery } from '../../../lib/useQuery';
import { lifecycleApi, type IdeaInput } from '../api';
import { useLt } from '../text';

const EMPTY: IdeaInput = { title: '', problem: '', team: '', frequency: '', timeSpent: '', dataInvolved: '', directorateCode: '' };

/** Any employee: describe a need (the legal alternative to shadow AI) and follow it. */
export function IdeasPage() {
  const lt = useLt();
  const { locale } = useI18n();
  const mine = useQuery('ideas/mine', (s) => lifecycleApi.myIdeas(s));
  const directorates = useQuery('directorates', (s) => lifecycleApi.directorates(s));
  const [idea, setIdea] = useState<IdeaInput>(EMPTY);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number>();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const set = (key: keyof IdeaInput) => (e: { target: { value: string } }) => setIdea({ ...idea, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await lifecycleApi.submitIdea(idea);
      setDone(created.id);
      setIdea(EMPTY);
      mine.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={lt('ideas.title')}>{lt('ideas.title')}</PageTitle>
      <p>{lt('ideas.intro')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <TextField label={lt('ideas.field.title')} value={idea.title} onChange={set('title')} required error={fieldErrors.title} />
        <TextAreaField label={lt('ideas.field.problem')} value={idea.problem} onChange={set('problem')} required rows={4} error={fieldErrors.problem} />
        <TextField label={lt('ideas.field.team')} value={idea.team} onChange={set('team')} required error={fieldErrors.team} />
        <TextField label={lt('ideas.field.frequency')} value={idea.frequency} onChange={set('frequency')} required error={fieldErrors.frequency} />
        <TextField label={lt('ideas.field.timeSpent')} value={idea.timeSpent} onChange={set('timeSpent')} required error={fieldErrors.timeSpent} />
        <TextAreaField label={lt('ideas.field.dataInvolved')} value={idea.dataInvolved} onChange={set('dataInvolved')} required rows={2} error={fieldErrors.dataInvolved} />
        <SelectField label={lt('ideas.field.directorate')} value={idea.directorateCode} onChange={set('directorateCode')} required error={fieldErrors.directorateCode}>
          <option value="">—</option>
          {(directorates.data ?? []).map((d) => (
            <option key={d.code} value={d.code}>{d.name}</option>
          ))}
        </SelectField>
        <ErrorMessage error={Object.keys(fieldErrors).length ? undefined : error} />
        {done ? <p role="status" className="alert alert-success">{lt('ideas.submitted', { id: done })}</p> : null}
        <Button type="submit" busy={busy}>{lt('ideas.submit')}</Button>
      </form>

      <h2>{lt('ideas.mine')}</h2>
      {mine.loading ? <Loading /> : null}
      <ErrorMessage error={mine.error} onRetry={mine.reload} />
      {mine.data && mine.data.length === 0 ? <p>{lt('ideas.mine.empty')}</p> : null}
      {mine.data && mine.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{lt('ideas.mine')}</caption>
            <thead>
              <tr>
                <th scope="col">{lt('ideas.col.title')}</th>
                <th scope="col">{lt('ideas.col.stage')}</th>
                <th scope="col">{lt('ideas.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.data.map((i) => (
                <tr key={i.id} data-stage={i.stage}>
                  <th scope="row">
                    n° {i.id} — {i.title}
                    <br />
                    <small>{formatDateTime(i.createdAt, locale)}</small>
                  </th>
                  <td>{lt(`stage.${i.stage}`)}</td>
                  <td>
                    {i.mergedInto ? <p>{lt('ideas.merged', { id: i.mergedInto })}</p> : null}
                    {i.rejectionReason ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
