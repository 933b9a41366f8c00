import { useT, type MessageKey } from '../../../lib/i18n';
import type { CaseStatus } from '../../../types/api';

export function statusKey(status: CaseStatus): MessageKey {
  return `status.${status}` as MessageKey;
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`status status-${status.toLowerCase().replace(/_/g, '-')}`}>{t(statusKey(status))}</span>;
}
