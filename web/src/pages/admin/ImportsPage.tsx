import { useState } from 'react';
import { Badge, Empty, ErrorMessage, Loading, RowErrors, Uploader } from '../../components/ui';
import { formatDateTime, formatInt } from '../../format';
import { useGet } from '../../hooks';
import type { ImportBatch, RowError } from '../../types';

interface BatchDetail extends ImportBatch {
  errors: RowError[];
  errors_total: number;
}

export function ImportsPage() {
  const batches = useGet<{ items: ImportBatch[] }>('/api/admin/imports', { limit: 50 });
  const [platform, setPlatform] = useState('upload');
  const [last, setLast] = useState<{ batch: ImportBatch; errors: RowError[] }>();
  const [open, setOpen] = useState<number | null>(null);

  return (
    <>
      <h1>Job imports</h1>
      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">Upload a job file</h2>
        <p className="muted">CSV, JSON or JSON Lines; the format is detected from the file.</p>
        <div className="field">
          <label htmlFor="import-platform">Platform</label>
          <input id="import-platform" value={platform} onChange={(e) => setPlatform(e.target.value)} />
        </div>
        <Uploader<{ batch: ImportBatch; errors: RowError[] }>
          label="Job file"
          path={`/api/admin/imports?platform=${encodeURIComponent(platform.trim() || 'upload')}`}
          accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json"
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
      {batches.error ? <ErrorMessage error={batches.error} /> : null}
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
  if (batch.error) return <ErrorMessage error={batch.error} />;
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
