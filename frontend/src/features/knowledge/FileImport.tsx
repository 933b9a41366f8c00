import { useId, useState } from 'react';
import { ApiError } from '../../lib/api';
import { knowledgeApi, type ExtractedDocument } from './api';
import { useKt } from './text';

const ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * « Importer un PDF ou un document Word »: the file is read on the server into the document's text
 * (its headings cut the passages); nothing is stored until the person saves. A file that cannot be
 * read is refused with its reason, next to the field.
 */
export function FileImport({ onRead, disabled }: { onRead: (read: ExtractedDocument) => void; disabled?: boolean }) {
  const kt = useKt();
  const id = `file-${useId().replace(/:/g, '')}`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const extracted = await knowledgeApi.extract(file);
      onRead(extracted);
      setDone(
        extracted.pages
          ? kt('import.readPdf', { file: extracted.fileName, pages: extracted.pages, passages: extracted.passages })
          : kt('import.readDocx', { file: extracted.fileName, passages: extracted.passages }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors.file ?? e.message) : kt('import.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{kt('import.label')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {kt('import.hint')}
      </p>
      <input
        id={id}
        name="file"
        type="file"
        className="input"
        accept={ACCEPT}
        disabled={disabled || busy}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          void read(e.target.files?.[0]);
        }}
      />
      <p className="field-hint" role="status">
        {busy ? kt('import.reading') : (done ?? '')}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
