import { type ChangeEvent, useState } from 'react';
import { Badge, Empty, ErrorMessage, Field, Loading, RowErrors, Uploader } from '../../components/ui';
import { formatDateTime, formatInt } from '../../format';
import { useGet } from '../../hooks';
import type { ImportBatch, RowError } from '../../types';

interface BatchDetail extends ImportBatch {
  errors: RowError[];
  errors_total: number;
}

export function ImportsPage() {
  const batches = useGet<{ items: ImportBatch[] }>('/api/admin/imports', { page_size: 50 });
  const [options, setOptions] = useState({ platform: '', format: '', encoding: 'auto', map: '' });
  const [last, setLast] = useState<{ batch: ImportBatch; errors: RowError[] }>();
  const [open, setOpen] = useState<number | null>(null);
  const set = (name: keyof typeof options) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setOptions((o) => ({ ...o, [name]: event.target.value }));

  return (
    <>
      <h1>Job imports</h1>
      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">Upload a job file</h2>
        <p className="muted">
          CSV, JSON or JSON Lines. Choose the options first; the upload starts when you pick the file.
        </p>
        <div className="form-grid">
          <Field
            label="Platform"
            hint="Leave empty to take it from the file (JobSpy's site column); else a-z, 0-9, _ . -"
          >
            {(props) => (
              <input
                {...props}
                value={options.platform}
                placeholder="from the file"
                onChange={set('platform')}
              />
            )}
          </Field>
          <Field label="Format">
            {(props) => (
              <select {...props} value={options.format} onChange={set('format')}>
                <option value="">Detect from the file</option>
                <option value="csv">CSV</option>
                <option value="json">JSON</option>
                <option value="jsonl">JSON Lines</option>
              </select>
            )}
          </Field>
          <Field label="Encoding">
            {(props) => (
              <select {...props} value={options.encoding} onChange={set('encoding')}>
                <option value="auto">Detect (UTF-8 or Windows-1252)</option>
                <option value="utf-8">UTF-8</option>
                <option value="windows-1252">Windows-1252</option>
              </select>
            )}
          </Field>
          <Field
            label="Column mapping"
            hint="Only for other layouts: field=Column, comma-separated, e.g. title=Job Title,company=Company Name"
          >
            {(props) => (
              <input
                {...props}
                value={options.map}
                placeholder="title=Job Title,company=Company Name"
                onChange={set('map')}
              />
            )}
          </Field>
        </div>
        <Uploader<{ batch: ImportBatch; errors: RowError[] }>
          label="Job file"
          path="/api/admin/imports"
          accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
          fields={{
            // Empty fields are not sent: the API then takes each row's platform from the file.
            platform: options.platform.trim(),
            format: options.format,
            encoding: options.encoding,
            map: options.map.trim(),
          }}
          onDone={(result) => {
            setLast(result);
            batches.reload();
          }}
        />
        {last ? (
          <div className="alert success" role="status" data-testid="import-result">
            {last.batch.file_name ?? 'File'}: {formatInt(last.batch.total_jobs)} rows,{' '}
            {formatInt(last.batch.new_jobs)} new, {formatInt(last.batch.updated_jobs)} updated,{' '}
            {formatInt(last.batch.failed_jobs)} failed.
          </div>
        ) : null}
        {last ? <RowErrors errors={last.errors} /> : null}
      </section>
      <h2>Batches</h2>
      {batches.error ? <ErrorMessage error={batches.error} onRetry={batches.reload} /> : null}
      {!batches.data && !batches.error ? <Loading /> : null}
      {batches.data && batches.data.items.length === 0 ? <Empty>No imports yet.</Empty> : null}
      {batches.data && batches.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col" className="num">
                  New
                </th>
                <th scope="col" className="num">
                  Updated
                </th>
                <th scope="col" className="num">
                  Unchanged
                </th>
                <th scope="col" className="num">
                  Failed
                </th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {batches.data.items.map((b) => (
                <tr key={b.id}>
                  <td>
                    <button
                      type="button"
                      className="small"
                      aria-expanded={open === b.id}
                      onClick={() => setOpen(open === b.id ? null : b.id)}
                    >
                      {b.file_name ?? b.batch_id.slice(0, 8)}
                    </button>
                    <div className="muted">{b.platform}</div>
                  </td>
                  <td>
                    <Badge value={b.import_status} />
                  </td>
                  <td className="num">{formatInt(b.total_jobs)}</td>
                  <td className="num">{formatInt(b.new_jobs)}</td>
                  <td className="num">{formatInt(b.updated_jobs)}</td>
                  <td className="num">{formatInt(b.unchanged_jobs)}</td>
                  <td className="num">{formatInt(b.failed_jobs)}</td>
                  <td>{formatDateTime(b.started_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open ? <BatchErrors id={open} /> : null}
    </>
  );
}

function BatchErrors({ id }: { id: number }) {
  const batch = useGet<BatchDetail>(`/api/admin/imports/${id}`, { errors_limit: 100 });
  if (batch.error) return <ErrorMessage error={batch.error} onRetry={batch.reload} />;
  if (!batch.data) return <Loading />;
  return (
    <section className="panel">
      <h3>{batch.data.file_name ?? batch.data.batch_id}</h3>
      {batch.data.error_message ? <p className="alert error">{batch.data.error_message}</p> : null}
      {batch.data.errors.length === 0 ? (
        <Empty>No row errors.</Empty>
      ) : (
        <RowErrors errors={batch.data.errors} total={batch.data.errors_total} />
      )}
    </section>
  );
}
