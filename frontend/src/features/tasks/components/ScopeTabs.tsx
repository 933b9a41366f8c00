import { useI18n } from '../../../lib/i18n';
import type { Scope, TaskCounts, TaskCriteria } from '../listApi';

interface ScopeTabsProps {
  criteria: TaskCriteria;
  counts: TaskCounts | null | undefined;
  onChange: (criteria: TaskCriteria) => void;
}

const SCOPES: Scope[] = ['mine', 'groups', 'all'];

/** Mine / my groups' / everything, each with its count; and the overdue ones. Toggle buttons (aria-pressed). */
export function ScopeTabs({ criteria, counts, onChange }: ScopeTabsProps) {
  const { t } = useI18n();
  const scope = criteria.scope ?? 'all';
  const overdue = criteria.status === 'overdue';
  return (
    <div className="scope-tabs" role="group" aria-label={t('tasks.scope.label')}>
      {SCOPES.map((s) => (
        <button
          key={s}
          type="button"
          className="scope-tab"
          aria-pressed={scope === s}
          onClick={() => onChange({ ...criteria, scope: s })}
        >
          {t(`tasks.scope.${s}`)} <span className="count">{counts ? counts[s] : '…'}</span>
        </button>
      ))}
      <button
        type="button"
        className="scope-tab scope-tab-warning"
        aria-pressed={overdue}
        onClick={() => onChange({ ...criteria, status: overdue ? null : 'overdue' })}
      >
        {t('tasks.overdue')} <span className="count">{counts ? counts.overdue : '…'}</span>
      </button>
    </div>
  );
}
