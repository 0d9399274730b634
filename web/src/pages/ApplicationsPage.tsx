import { type DragEvent, useState } from 'react';
import { post } from '../api';
import { PlacementForm } from '../components/PlacementForm';
import { Badge, Empty, ErrorMessage, Loading } from '../components/ui';
import type { Placement, PlacementResult } from '../day-types';
import { formatDate, formatDateTime, formatInt, formatMoney, formatScore, humanize } from '../format';
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

/** The drag payload: which application is moving, and from which stage. */
const DRAG_TYPE = 'application/x-jobmatch-application';

function Board() {
  const pipeline = useGet<Pipeline>('/api/applications/pipeline', { per_stage: 25 });
  const action = useAction();
  const [moved, setMoved] = useState<{ text: string; undoable?: Application }>();
  const [placing, setPlacing] = useState<Application | null>(null);
  const [placements, setPlacements] = useState(0);
  const [dropTarget, setDropTarget] = useState<ApplicationStage | null>(null);
  const [dragging, setDragging] = useState<Application | null>(null);

  const move = (application: Application, to: ApplicationStage) => {
    // Accepting an offer records a placement: ask for its terms (other moves to accepted the server refuses).
    if (to === 'accepted' && application.application_status === 'offer') {
      setMoved(undefined);
      setPlacing(application);
      return;
    }
    return action.run(async () => {
      setMoved(undefined);
      await post(`/api/applications/${application.id}/status`, { status: to });
      setMoved({ text: `${application.candidate_name} moved to ${humanize(to)}.`, undoable: application });
      pipeline.reload();
    });
  };
  const undo = (application: Application) =>
    action.run(async () => {
      const back = await post<Application>(`/api/applications/${application.id}/undo`);
      setMoved({
        text: `Undone: ${application.candidate_name} is back in ${humanize(back.application_status)}.`,
      });
      pipeline.reload();
    });
  const reopen = (application: Application, reason: string) =>
    action.run(async () => {
      const back = await post<Application>(`/api/applications/${application.id}/reopen`, { reason });
      setMoved({
        text: `${application.candidate_name} reopened in ${humanize(back.application_status)}.`,
        undoable: back,
      });
      pipeline.reload();
    });
  const placed = (result: PlacementResult) => {
    setPlacing(null);
    const parts = [
      `${result.placement.candidate_name} placed; margin ${formatMoney(result.placement.margin, result.placement.currency)}.`,
    ];
    if (result.job_closed) parts.push('The job is closed for the agency.');
    if (result.applications_for_review > 0)
      parts.push(`${result.applications_for_review} other open application(s) marked for review.`);
    setMoved({ text: parts.join(' ') });
    setPlacements((n) => n + 1);
    pipeline.reload();
  };

  if (pipeline.error) return <ErrorMessage error={pipeline.error} onRetry={pipeline.reload} />;
  if (!pipeline.data) return <Loading />;
  const stages = pipeline.data.stages;
  const total = stages.reduce((sum, s) => sum + s.count, 0);
  const find = (id: number) => stages.flatMap((s) => s.items).find((a) => a.id === id);

  const drop = (event: DragEvent<HTMLElement>, to: ApplicationStage) => {
    event.preventDefault();
    setDropTarget(null);
    setDragging(null);
    const application = find(Number(event.dataTransfer.getData(DRAG_TYPE)));
    if (application && application.application_status !== to) void move(application, to);
  };

  return (
    <>
      <p className="muted">Drag a card to another stage, or use its buttons.</p>
      <ErrorMessage error={action.error} />
      {moved ? (
        <div className="alert success" role="status">
          <span>{moved.text}</span>
          {moved.undoable ? (
            <button
              type="button"
              className="small"
              disabled={action.busy}
              onClick={() => void undo(moved.undoable!)}
            >
              Undo
            </button>
          ) : null}
        </div>
      ) : null}
      {placing ? (
        <PlacementForm application={placing} onDone={placed} onCancel={() => setPlacing(null)} />
      ) : null}
      {total === 0 ? <Empty>No applications yet: apply a candidate from a match.</Empty> : null}
      <section className="board" aria-label="Pipeline">
        {stages.map((stage) => (
          <section
            className={`column${dropTarget === stage.status ? ' drop-target' : ''}`}
            key={stage.status}
            aria-labelledby={`stage-${stage.status}`}
            data-stage={stage.status}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              if (dropTarget !== stage.status) setDropTarget(stage.status);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
            }}
            onDrop={(event) => drop(event, stage.status)}
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
                dragging={dragging?.id === a.id}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_TYPE, String(a.id));
                  event.dataTransfer.effectAllowed = 'move';
                  setDragging(a);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setDropTarget(null);
                }}
                onMove={(to) => void move(a, to)}
                onReopen={(reason) => void reopen(a, reason)}
              />
            ))}
          </section>
        ))}
      </section>
      <Placements key={placements} />
    </>
  );
}

/** The agency's placements with their margins. */
function Placements() {
  const list = useGet<{ items: Placement[]; total: number }>('/api/placements', { page_size: 20 });
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="placements-title">
      <h2 id="placements-title">Placements</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Job</th>
              <th scope="col">Starts</th>
              <th scope="col">Margin</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/candidates/${p.candidate_id}`}>{p.candidate_name}</Link>
                </td>
                <td>
                  {p.job_title}
                  <div className="muted">{p.company ?? '—'}</div>
                </td>
                <td>{formatDate(p.start_date)}</td>
                <td>
                  {formatMoney(p.margin, p.currency)}
                  {p.fee === null ? ` / ${p.rate_period}` : ' fee'}
                  {p.margin_percent === null ? null : (
                    <div className="muted">{formatScore(p.margin_percent)}%</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ApplicationCard({
  application: a,
  busy,
  dragging,
  onDragStart,
  onDragEnd,
  onMove,
  onReopen,
}: {
  application: Application;
  busy: boolean;
  dragging: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
  onMove: (to: ApplicationStage) => void;
  onReopen: (reason: string) => void;
}) {
  const next = nextStage(a.application_status);
  const [target, setTarget] = useState<ApplicationStage | ''>('');
  const [reason, setReason] = useState('');
  const closed = a.application_status === 'rejected' || a.application_status === 'withdrawn';
  return (
    <article
      className={`card${dragging ? ' dragging' : ''}`}
      data-testid={`application-${a.id}`}
      draggable={!busy}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      <Link to={`/candidates/${a.candidate_id}`}>{a.candidate_name}</Link>
      <div>
        <Link to={`/jobs/${a.job_posting_id}`}>{a.job_title}</Link>
      </div>
      <div className="muted">{a.company ?? '—'}</div>
      <div className="muted">{formatDateTime(a.status_updated_at ?? a.applied_at)}</div>
      {a.review_reason ? <div className="review-note">Review: {a.review_reason}</div> : null}
      {closed ? (
        <form
          className="actions"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) onReopen(reason.trim());
            setReason('');
          }}
        >
          <label className="sr-only" htmlFor={`reopen-${a.id}`}>
            Reason to reopen {a.candidate_name}
          </label>
          <input
            id={`reopen-${a.id}`}
            className="small"
            placeholder="Reason to reopen"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="small" disabled={busy || !reason.trim()}>
            Reopen
          </button>
        </form>
      ) : null}
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
    page_size: 100,
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
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
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
