import { useState } from 'react';
import { post } from '../api';
import { Badge, Empty, ErrorMessage, Loading } from '../components/ui';
import { formatDateTime, formatInt, humanize } from '../format';
import { useAction, useGet } from '../hooks';
import { Link, setQuery, useLocation } from '../router';
import { APPLICATION_STAGES, type Application, type ApplicationStage, type Page } from '../types';

interface Pipeline {
  stages: { status: ApplicationStage; count: number; items: Application[] }[];
}

const PIPELINE: ApplicationStage[] = ['applied', 'screening', 'interviewing', 'offer', 'accepted'];
const nextStage = (stage: ApplicationStage) => PIPELINE[PIPELINE.indexOf(stage) + 1];

export function ApplicationsPage() {
  const { query } = useLocation();
  const candidateId = query.get('candidate_id') ?? '';
  const jobId = query.get('job_posting_id') ?? '';
  return (
    <>
      <h1>Applications</h1>
      {candidateId || jobId ? <FilteredList candidateId={candidateId} jobId={jobId} /> : <Board />}
    </>
  );
}

function Board() {
  const pipeline = useGet<Pipeline>('/api/applications/pipeline', { per_stage: 25 });
  const action = useAction();
  const [moved, setMoved] = useState<string>();

  const move = (application: Application, to: ApplicationStage) =>
    action.run(async () => {
      setMoved(undefined);
      await post(`/api/applications/${application.id}/status`, { status: to });
      setMoved(`${application.candidate_name} moved to ${humanize(to)}.`);
      pipeline.reload();
    });

  if (pipeline.error) return <ErrorMessage error={pipeline.error} />;
  if (!pipeline.data) return <Loading />;
  const total = pipeline.data.stages.reduce((sum, s) => sum + s.count, 0);
  return (
    <>
      <ErrorMessage error={action.error} />
      {moved ? (
        <p className="alert success" role="status">
          {moved}
        </p>
      ) : null}
      {total === 0 ? <Empty>No applications yet: apply a candidate from a match.</Empty> : null}
      <section className="board" aria-label="Pipeline">
        {pipeline.data.stages.map((stage) => (
          <section
            className="column"
            key={stage.status}
            aria-labelledby={`stage-${stage.status}`}
            data-stage={stage.status}
          >
            <h2 id={`stage-${stage.status}`}>
              <span>{humanize(stage.status)}</span>
              <span className="muted">{formatInt(stage.count)}</span>
            </h2>
            {stage.items.map((a) => (
              <ApplicationCard
                key={a.id}
                application={a}
                busy={action.busy}
                onMove={(to) => void move(a, to)}
              />
            ))}
          </section>
        ))}
      </section>
    </>
  );
}

function ApplicationCard({
  application: a,
  busy,
  onMove,
}: {
  application: Application;
  busy: boolean;
  onMove: (to: ApplicationStage) => void;
}) {
  const next = nextStage(a.application_status);
  const [target, setTarget] = useState<ApplicationStage | ''>('');
  return (
    <article className="card" data-testid={`application-${a.id}`}>
      <Link to={`/candidates/${a.candidate_id}`}>{a.candidate_name}</Link>
      <div>
        <Link to={`/jobs/${a.job_posting_id}`}>{a.job_title}</Link>
      </div>
      <div className="muted">{a.company ?? '—'}</div>
      <div className="muted">{formatDateTime(a.status_updated_at ?? a.applied_at)}</div>
      <div className="actions">
        {next ? (
          <button type="button" className="small primary" disabled={busy} onClick={() => onMove(next)}>
            → {humanize(next)}
          </button>
        ) : null}
        <label className="sr-only" htmlFor={`move-${a.id}`}>
          Move {a.candidate_name} to
        </label>
        <select
          id={`move-${a.id}`}
          className="small"
          value={target}
          aria-label={`Move ${a.candidate_name} to`}
          onChange={(e) => setTarget(e.target.value as ApplicationStage)}
        >
          <option value="">Move to…</option>
          {APPLICATION_STAGES.filter((s) => s !== a.application_status).map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="small"
          disabled={busy || !target}
          onClick={() => {
            if (target) onMove(target);
            setTarget('');
          }}
        >
          Move
        </button>
      </div>
    </article>
  );
}

function FilteredList({ candidateId, jobId }: { candidateId: string; jobId: string }) {
  const list = useGet<Page<Application>>('/api/applications', {
    candidate_id: candidateId,
    job_posting_id: jobId,
    limit: 100,
  });
  return (
    <>
      <p>
        {candidateId ? 'Applications of one candidate. ' : 'Applications to one job. '}
        <button
          type="button"
          className="small"
          onClick={() => setQuery({ candidate_id: undefined, job_posting_id: undefined })}
        >
          Show the pipeline board
        </button>
      </p>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>No applications.</Empty> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Job</th>
                <th scope="col">Stage</th>
                <th scope="col">Applied</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/candidates/${a.candidate_id}`}>{a.candidate_name}</Link>
                  </td>
                  <td>
                    <Link to={`/jobs/${a.job_posting_id}`}>{a.job_title}</Link>
                    <div className="muted">{a.company ?? '—'}</div>
                  </td>
                  <td>
                    <Badge value={a.application_status} />
                  </td>
                  <td>{formatDateTime(a.applied_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
