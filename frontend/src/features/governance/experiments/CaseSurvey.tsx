import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/Field';
import { api } from '../../../lib/api';
import type { CaseView } from '../../../types/api';
import { useAuth } from '../../../lib/auth/context';
import { useLt } from '../text';

/**
 * People's KPIs, asked once the content is out: a one-question comfort survey (with the time saved
 * as felt) for whoever worked the case — only when the server drew the case for it (one in N of an
 * experiment's cases) — and the member's satisfaction for the adviser who asked.
 */
export function CaseSurvey({ view }: { view: CaseView }) {
  const lt = useLt();
  const { user } = useAuth();
  const [comfort, setComfort] = useState(0);
  const [minutes, setMinutes] = useState('');
  const [satisfaction, setSatisfaction] = useState(0);
  const [sent, setSent] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const send = async (what: string, path: string, body: unknown) => {
    setError(undefined);
    try {
      await api.post(path, body);
      setSent([...sent, what]);
    } catch (e) {
      setError(e);
    }
  };
  const scale = (name: string, value: number, set: (v: number) => void) => (
    <div role="radiogroup" aria-label={name}>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className="radio">
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => set(n)} />
          {n}
        </label>
      ))}
    </div>
  );
  const asksSatisfaction = user?.username === view.requestedBy;
  if (!view.askComfortSurvey && !asksSatisfaction) {
    return null;
  }
  return (
    <section className="panel" aria-labelledby="survey-title">
      <h2 id="survey-title">{lt(view.askComfortSurvey ? 'survey.title' : 'survey.memberTitle')}</h2>
      {!view.askComfortSurvey ? null : sent.includes('comfort') ? <p role="status">{lt('survey.thanks')}</p> : (
        <>
          <p>{lt('survey.comfort')}</p>
          {scale(lt('survey.comfort'), comfort, setComfort)}
          <TextField label={lt('survey.minutes')} type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          <Button variant="secondary" disabled={!comfort} onClick={() => send('comfort', `/api/projects/cases/${view.id}/survey`,
            { comfort, minutesSaved: minutes === '' ? null : Number(minutes) })}>{lt('common.send')}</Button>
        </>
      )}
      {asksSatisfaction ? (
        sent.includes('satisfaction') ? <p role="status">{lt('survey.thanks')}</p> : (
          <>
            <p>{lt('survey.satisfaction')}</p>
            {scale(lt('survey.satisfaction'), satisfaction, setSatisfaction)}
            <Button variant="secondary" disabled={!satisfaction} onClick={() => send('satisfaction',
              `/api/projects/cases/${view.id}/satisfaction`, { score: satisfaction })}>{lt('survey.record')}</Button>
          </>
        )
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
