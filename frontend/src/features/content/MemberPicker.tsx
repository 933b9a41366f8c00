import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import { searchMembers, type Member } from './api';

export const SEARCH_DEBOUNCE_MS = 250;

interface MemberPickerProps {
  value: string;
  onChange: (memberId: string) => void;
  error?: string;
}

/**
 * A search box that narrows a native select: the select is what gets submitted, so the
 * choice works with keyboard, screen readers and autofill without a custom combobox.
 */
export function MemberPicker({ value, onChange, error }: MemberPickerProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Member | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // an unreachable directory (the insurer's member system) is a 503 whose French message goes under
  // the list; the search text and the rest of the request form stay as typed
  const { data: members, error: loadError, reload } = useQuery(`members-${q}`, (signal) => searchMembers(q, signal));

  // Keep the chosen member selectable even when the current search no longer lists it.
  const options = members ?? [];
  const list = chosen && chosen.id === value && !options.some((m) => m.id === chosen.id) ? [chosen, ...options] : options;

  return (
    <div className="field-group">
      <TextField
        label={t('request.memberSearch')}
        hint={t('request.memberSearchHint')}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      <SelectField
        label={t('request.member')}
        name="memberId"
        value={value}
        required
        error={error ?? (loadError instanceof Error ? loadError.message : undefined)}
        onChange={(e) => {
          onChange(e.target.value);
          setChosen(list.find((m) => m.id === e.target.value) ?? null);
        }}
      >
        <option value="">{t('request.choose')}</option>
        {list.map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName}
            {m.city ? ` — ${m.city}` : ''} ({m.id})
          </option>
        ))}
      </SelectField>
      {loadError ? (
        <Button variant="secondary" onClick={reload}>
          {t('request.memberRetry')}
        </Button>
      ) : null}
      <p className="field-hint" role="status">
        {members
          ? members.length > 0
            ? t('request.memberCount', { count: members.length })
            : q.length < 2
              ? t('request.memberTypeMore')
              : t('request.memberNone')
          : ''}
      </p>
    </div>
  );
}
