import { useState } from 'react';
import { type ApiError, upload } from '../api';
import { ErrorMessage, LoadState } from '../components/ui';
import { formatPercent } from '../format';
import { useGet } from '../hooks';
import { Link } from '../router';

interface IntakeItem {
  file_name: string;
  status: 'drafted' | 'failed';
  draft_id?: number;
  reason?: string;
  duplicates?: { id: number; first_name: string; last_name: string }[];
}
interface IntakeResult {
  items: IntakeItem[];
}
interface DraftSummary {
  id: number;
  file_name: string;
  format: string;
  created_at: string;
}

interface FileState {
  key: string;
  name: string;
  progress: number;
  items?: IntakeItem[];
  error?: ApiError;
}

const ACCEPT = '.pdf,.docx,.doc,.rtf,.txt,.html,.htm,.zip';
const PARALLEL_UPLOADS = 3;

/** Upload resumes (drag and drop or choose; each file with its progress) into drafts, and the drafts to review. */
export function ResumeIntakePage() {
  const [files, setFiles] = useState<FileState[]>([]);
  const [dragging, setDragging] = useState(false);
  const drafts = useGet<{ items: DraftSummary[] }>('/api/resume-drafts');

  const update = (key: string, change: Partial<FileState>) =>
    setFiles((all) => all.map((file) => (file.key === key ? { ...file, ...change } : file)));

  const start = async (chosen: File[]) => {
    const batch = chosen.map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setFiles((all) => [...batch.map(({ file, key }) => ({ key, name: file.name, progress: 0 })), ...all]);
    const queue = [...batch];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { file, key } = next;
        try {
          const result = await upload<IntakeResult>('/api/resume-intake', file, (progress) =>
            update(key, { progress }),
          );
          update(key, { progress: 1, items: result.items });
        } catch (reason) {
          update(key, { progress: 1, error: reason as ApiError });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, worker));
    drafts.reload();
  };

  return (
    <section>
      <h1>Resume intake</h1>
      <p className="muted">
        PDF, DOCX, DOC, RTF, TXT or HTML resumes, or zip archives of them: up to 100 at once.
      </p>
      <label
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void start([...event.dataTransfer.files]);
        }}
      >
        <span>Drop resumes here, or choose files</span>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Resume files"
          onChange={(event) => {
            void start([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </label>
      {files.length > 0 ? (
        <ul className="upload-list" aria-label="Uploads">
          {files.map((file) => (
            <li key={file.key}>
              <strong>{file.name}</strong>{' '}
              {file.items === undefined && !file.error ? (
                <span className="progress-line">
                  <progress max={1} value={file.progress} aria-label={`Progress of ${file.name}`} />{' '}
                  {file.progress < 1 ? formatPercent(file.progress) : 'Reading…'}
                </span>
              ) : null}
              <ErrorMessage error={file.error} />
              {file.items?.map((item) => (
                <div
                  key={`${item.file_name}-${item.draft_id ?? item.reason}`}
                  className={item.status === 'failed' ? 'alert error' : ''}
                >
                  {item.status === 'drafted' ? (
                    <>
                      {item.file_name}: <Link to={`/resume-drafts/${item.draft_id}`}>review draft</Link>
                      {item.duplicates && item.duplicates.length > 0 ? (
                        <span className="badge warn">possible duplicate</span>
                      ) : null}
                    </>
                  ) : (
                    <>
                      {item.file_name}: {item.reason}
                    </>
                  )}
                </div>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <h2>Waiting for review</h2>
      <LoadState loaded={drafts} empty={(data) => data.items.length === 0}>
        {(data) => (
          <table>
            <thead>
              <tr>
                <th>File</th>
                <th>Format</th>
                <th>Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((draft) => (
                <tr key={draft.id}>
                  <td>
                    <Link to={`/resume-drafts/${draft.id}`}>{draft.file_name}</Link>
                  </td>
                  <td>{draft.format.toUpperCase()}</td>
                  <td>{new Date(draft.created_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
