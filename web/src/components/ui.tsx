import { type ReactNode, useId, useRef, useState } from 'react';
import { type ApiError, upload } from '../api';
import { formatInt, formatPercent, formatScore } from '../format';
import type { RowError } from '../types';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** A failed request: the server's problem `detail`, and a retry when the request can be repeated. */
export function ErrorMessage({
  error,
  onRetry,
}: {
  error: ApiError | Error | undefined | null;
  onRetry?: (() => void) | undefined;
}) {
  if (!error) return null;
  return (
    <div className="alert error" role="alert">
      <span>{error.message}</span>
      {onRetry ? (
        <button type="button" className="small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Shows loading, error or empty states around a loaded value. */
export function LoadState<T>({
  loaded,
  empty,
  children,
}: {
  loaded: { data: T | undefined; error: ApiError | undefined; loading: boolean; reload?: () => void };
  empty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <Loading />;
  if (empty?.(loaded.data)) return <Empty>Nothing here yet.</Empty>;
  return <>{children(loaded.data)}</>;
}

export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  if (total <= limit && offset === 0) return <p className="muted">{formatInt(total)} in total</p>;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span>
        {formatInt(from)}–{formatInt(to)} of {formatInt(total)}
      </span>
      <button type="button" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        Next →
      </button>
    </nav>
  );
}

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(error || hint ? { 'aria-describedby': messageId } : {}),
      })}
      {error ? (
        <span className="field-error" id={messageId}>
          {error}
        </span>
      ) : hint ? (
        <span className="hint" id={messageId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function Badge({ value, tone }: { value: string | null; tone?: string }) {
  return (
    <span className={`badge badge-${tone ?? value ?? 'none'}`}>
      {value ? value.replaceAll('_', ' ') : '—'}
    </span>
  );
}

/** A 0–100 score as a labelled bar. */
/** A small button that activates or deactivates a user or an agency. */
export function ActiveToggle({ active, onToggle }: { active: boolean | null; onToggle: () => void }) {
  return (
    <button type="button" className="small" onClick={onToggle}>
      {active ? 'Deactivate' : 'Activate'}
    </button>
  );
}

export function ScoreBar({ label, value }: { label: string; value: number | null }) {
  const width = Math.max(0, Math.min(100, value ?? 0));
  return (
    <div className="score-bar">
      <span className="score-label">{label}</span>
      <meter
        className="bar"
        aria-label={label}
        min={0}
        max={100}
        low={50}
        high={80}
        optimum={100}
        value={width}
      />
      <span className="score-value">{formatScore(value)}</span>
    </div>
  );
}

export function ScorePill({ score, recommended }: { score: number; recommended?: boolean }) {
  const tone = score >= 80 ? 'high' : score >= 60 ? 'mid' : 'low';
  return (
    <span className={`score-pill score-${tone}`} title={recommended ? 'Recommended' : undefined}>
      {formatScore(score)}
      {recommended ? ' ★' : ''}
    </span>
  );
}

/**
 * A batch's row problems: rejected rows, and rows stored with an optional field left empty (warnings), told
 * apart so that a file whose rows were all kept does not read as a file whose rows were all rejected.
 */
export function RowErrors({ errors, total }: { errors: RowError[]; total?: number }) {
  if (errors.length === 0) return null;
  const warnings = errors.filter((error) => error.severity === 'warning').length;
  const rejected = errors.length - warnings;
  const all = total ?? errors.length;
  return (
    <div className="row-errors">
      <h3>Row problems ({formatInt(all)})</h3>
      <p className="muted">
        {formatInt(rejected)} rejected · {formatInt(warnings)} stored with a field left empty
        {all > errors.length ? ` (of the first ${formatInt(errors.length)})` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Outcome</th>
            <th scope="col">Field</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error) => (
            <tr key={`${error.row_number}-${error.field}-${error.reason}`}>
              <td>{formatInt(error.row_number)}</td>
              <td>{error.severity === 'warning' ? 'Stored, field left empty' : 'Rejected'}</td>
              <td>{error.field ?? '—'}</td>
              <td>{error.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A file chooser that uploads at once, with a progress bar. */
export function Uploader<T>({
  label,
  path,
  accept,
  fields,
  onDone,
}: {
  label: string;
  path: string;
  accept: string;
  fields?: Record<string, string>;
  onDone: (result: T) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const start = async (file: File) => {
    setError(undefined);
    setProgress(0);
    try {
      onDone(await upload<T>(path, file, setProgress, fields));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="uploader">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="file"
        accept={accept}
        disabled={progress !== null}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void start(file);
        }}
      />
      {progress !== null ? (
        <span className="progress-line">
          <progress max={1} value={progress} aria-label="Upload progress" />{' '}
          {progress < 1 ? formatPercent(progress) : 'Processing…'}
        </span>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
