import { errorMessage } from '../lib/api';
import { useT } from '../lib/i18n';
import { Button } from './Button';

interface ErrorMessageProps {
  /** An ApiError, any thrown value, or a message. Nothing is shown when empty. */
  error: unknown;
  onRetry?: () => void;
  id?: string;
}

/** An error announced to screen readers (role="alert") with an optional retry button. */
export function ErrorMessage({ error, onRetry, id }: ErrorMessageProps) {
  const t = useT();
  if (error === undefined || error === null || error === '') return null;
  const message = typeof error === 'string' ? error : errorMessage(error);
  return (
    <div className="alert alert-error" role="alert" id={id}>
      <p>{message}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      ) : null}
    </div>
  );
}
