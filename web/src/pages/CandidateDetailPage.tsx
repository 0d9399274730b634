import { useCallback, useState } from 'react';
import { pageOf, post, put } from '../api';
import { MatchPanel } from '../components/MatchPanel';
import { OwnerControl } from '../components/OwnerControl';
import { Badge, Empty, ErrorMessage, Loading, Pager, ScorePill } from '../components/ui';
import { formatDateTime, formatInt, formatPercent, humanize } from '../format';
import { type Loaded, useAction, useGet } from '../hooks';
import { Link, setQuery, useLocation } from '../router';
import {
  type Application,
  type CandidateDetail,
  type CandidateStatus,
  MATCH_STATUSES,
  type MatchSummary,
  type Page,
  type RoleMapping,
} from '../types';

/** The review workflow's buttons; the server decides, and its refusal is shown. */
const STATUS_ACTIONS: Record<CandidateStatus, { to: CandidateStatus; label: string }[]> = {
  pending_review: [
    { to: 'approved', label: 'Approve' },
    { to: 'rejected', label: 'Reject' },
  ],
  approved: [
    { to: 'ready_for_assignment', label: 'Ready for assignment' },
    { to: 'rejected', label: 'Reject' },
  ],
  rejected: [{ to: 'pending_review', label: 'Reopen for review' }],
  ready_for_assignment: [{ to: 'approved', label: 'Back to approved' }],
  placed: [{ to: 'ready_for_assignment', label: 'Assignment ended' }],
};

const MATCH_LIMIT = 20;

export function CandidateDetailPage({ id }: { id: number }) {
  const candidate = useGet<CandidateDetail>(`/api/candidates/${id}`);
  const applications = useGet<Page<Application>>('/api/applications', { candidate_id: id, page_size: 50 });
  const statusAction = useAction();

  if (candidate.error) return <ErrorMessage error={candidate.error} onRetry={candidate.reload} />;
  if (!candidate.data) return <Loading />;
  const c = candidate.data;
  const actions = STATUS_ACTIONS[c.status as CandidateStatus] ?? [];

  return (
    <>
      <div className="spread">
        <h1>
          {c.first_name} {c.last_name}
        </h1>
        <div className="row">
          <Link to={`/candidates/${id}/edit`} className="button">
            Edit
          </Link>
          <Link to={`/applications?candidate_id=${id}`} className="button">
            Applications
          </Link>
        </div>
      </div>
      <div className="grid-2">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <dl className="facts">
            <dt>Title</dt>
            <dd>{c.current_title ?? '—'}</dd>
            <dt>Employer</dt>
            <dd>{c.current_employer ?? '—'}</dd>
            <dt>Email</dt>
            <dd>{c.email}</dd>
            <dt>Phone</dt>
            <dd>{c.phone ?? '—'}</dd>
            <dt>Experience</dt>
            <dd>
              {c.total_experience_years == null
                ? '—'
                : `${formatInt(c.total_experience_years)} ${c.total_experience_years === 1 ? 'year' : 'years'}`}
            </dd>
            <dt>Location</dt>
            <dd>{c.location ?? '—'}</dd>
            <dt>Prefers</dt>
            <dd>{(c.preferred_locations ?? []).join('; ') || '—'}</dd>
            <dt>Works</dt>
            <dd>{workPreferences(c)}</dd>
            <dt>Salary</dt>
            <dd>
              {[c.expected_salary, c.expected_hourly_rate ? `${c.expected_hourly_rate} hourly` : null]
                .filter(Boolean)
                .join(' · ') || '—'}
            </dd>
            <dt>Skills</dt>
            <dd>{(c.skills ?? []).join(', ') || '—'}</dd>
          </dl>
          {c.professional_summary ? <p>{c.professional_summary}</p> : null}
        </section>
        <section className="panel" aria-labelledby="status-title">
          <h2 id="status-title">
            Status <Badge value={c.status} />
          </h2>
          <div className="row">
            {actions.map((a) => (
              <button
                key={a.to}
                type="button"
                disabled={statusAction.busy}
                onClick={() =>
                  void statusAction.run(async () => {
                    await post(`/api/candidates/${id}/status`, { status: a.to });
                    candidate.reload();
                  })
                }
              >
                {a.label}
              </button>
            ))}
          </div>
          <ErrorMessage error={statusAction.error} />
          <OwnerControl candidateId={id} ownerUserId={c.owner_user_id ?? null} onChanged={candidate.reload} />
          {c.status_history.length > 0 ? (
            <ul>
              {c.status_history.map((h) => (
                <li key={`${h.changed_at}-${h.to_status}`}>
                  {humanize(h.from_status)} → {humanize(h.to_status)} ·{' '}
                  {h.changed_by?.name ?? h.changed_by?.email ?? '—'} · {formatDateTime(h.changed_at)}
                </li>
              ))}
            </ul>
          ) : null}
          <RoleMappings
            candidateId={id}
            mappings={c.role_mappings}
            preferred={c.preferred_roles ?? []}
            onCorrected={candidate.reload}
          />
        </section>
      </div>
      <Matches
        candidateId={id}
        matchable={c.status === 'approved' || c.status === 'ready_for_assignment'}
        onApplied={applications.reload}
      />
      <CandidateApplications applications={applications} />
    </>
  );
}

function RoleMappings({
  candidateId,
  mappings,
  preferred,
  onCorrected,
}: {
  candidateId: number;
  mappings: RoleMapping[];
  preferred: string[];
  onCorrected: () => void;
}) {
  const [reporting, setReporting] = useState<RoleMapping | null>(null);
  const [search, setSearch] = useState('');
  const [done, setDone] = useState<string>();
  const action = useAction();
  const roles = useGet<{ items: { id: number; name: string; category: string | null }[] }>(
    reporting && search.trim().length >= 2 ? '/api/roles' : null,
    { q: search.trim(), page_size: 8 },
  );
  const unmapped = preferred.filter((text) => !mappings.some((m) => m.input_text === text));
  const close = () => {
    setReporting(null);
    setSearch('');
  };
  const inputText = (m: RoleMapping) => m.input_text ?? m.role_name;
  return (
    <>
      <h3>Preferred roles</h3>
      {mappings.length === 0 && unmapped.length === 0 ? <Empty>No preferred roles.</Empty> : null}
      <ul>
        {mappings.map((m) => (
          <li key={`${m.input_text}-${m.global_role_id}`}>
            “{inputText(m)}” → <strong>{m.role_name}</strong>{' '}
            <span className="muted">
              ({m.match_method === 'manual' ? 'chosen by a recruiter' : (m.match_method ?? '—')}
              {m.confidence != null && m.match_method !== 'manual' ? `, ${formatPercent(m.confidence)}` : ''})
            </span>{' '}
            <button type="button" className="small" onClick={() => setReporting(m)}>
              Wrong role?
            </button>
          </li>
        ))}
        {unmapped.map((text) => (
          <li key={text}>
            “{text}” → <span className="muted">mapping…</span>
          </li>
        ))}
      </ul>
      {reporting ? (
        <div className="panel">
          <label htmlFor="correct-role">Which role should “{inputText(reporting)}” map to?</label>
          <div className="row">
            <input
              id="correct-role"
              value={search}
              placeholder="Search roles, e.g. Data Engineer"
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') close();
              }}
            />
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
          {roles.error ? <ErrorMessage error={roles.error} onRetry={roles.reload} /> : null}
          <ul className="choices">
            {(roles.data?.items ?? [])
              .filter((role) => role.id !== reporting.global_role_id)
              .map((role) => (
                <li key={role.id}>
                  <button
                    type="button"
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(async () => {
                        await put(`/api/candidates/${candidateId}/roles`, {
                          input_text: inputText(reporting),
                          global_role_id: role.id,
                        });
                        setDone(
                          `“${inputText(reporting)}” now maps to ${role.name}; the platform admins were told.`,
                        );
                        close();
                        onCorrected();
                      })
                    }
                  >
                    Use {role.name}
                  </button>{' '}
                  {role.category ? <span className="muted">{role.category}</span> : null}
                </li>
              ))}
          </ul>
          {search.trim().length >= 2 && roles.data?.items.length === 0 ? (
            <p className="muted">
              No role by that name.{' '}
              <button
                type="button"
                className="small"
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    await post('/api/roles/reports', {
                      input_text: inputText(reporting),
                      candidate_id: candidateId,
                      global_role_id: reporting.global_role_id,
                      suggested_role_name: search.trim(),
                    });
                    setDone(`Reported the mapping of “${inputText(reporting)}”; an admin will add the role.`);
                    close();
                  })
                }
              >
                Report it to the admins
              </button>
            </p>
          ) : null}
          <ErrorMessage error={action.error} />
        </div>
      ) : null}
      {done ? (
        <p className="alert success" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}

function Matches({
  candidateId,
  matchable,
  onApplied,
}: {
  candidateId: number;
  matchable: boolean;
  onApplied: () => void;
}) {
  const { query } = useLocation();
  const recommended = query.get('recommended') === '1';
  const minScore = query.get('min_score') ?? '';
  const status = query.get('match_status') ?? '';
  const offset = Number(query.get('match_offset') ?? 0) || 0;
  const [open, setOpen] = useState<number | null>(null);
  const matches = useGet<Page<MatchSummary>>(`/api/candidates/${candidateId}/matches`, {
    recommended_only: recommended ? 'true' : undefined,
    min_score: minScore,
    status,
    ...pageOf(MATCH_LIMIT, offset),
  });
  const reload = matches.reload;
  const onChanged = useCallback(() => reload(), [reload]);

  return (
    <section aria-labelledby="matches-title">
      <div className="spread">
        <h2 id="matches-title">Matches</h2>
        <div className="row">
          <a className="button" href={`/api/candidates/${candidateId}/matches/export.csv`} download>
            Export matches
          </a>
          <button
            type="button"
            onClick={() => void post(`/api/candidates/${candidateId}/rematch`).then(reload)}
          >
            Rescore
          </button>
        </div>
      </div>
      <div className="toolbar">
        <label className="row">
          <input
            type="checkbox"
            checked={recommended}
            onChange={(e) =>
              setQuery({ recommended: e.target.checked ? '1' : undefined, match_offset: undefined })
            }
          />
          Recommended only
        </label>
        <div className="field">
          <label htmlFor="min-score">Min score</label>
          <input
            id="min-score"
            type="number"
            min={0}
            max={100}
            value={minScore}
            onChange={(e) => setQuery({ min_score: e.target.value, match_offset: undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="match-status">Status</label>
          <select
            id="match-status"
            value={status}
            onChange={(e) => setQuery({ match_status: e.target.value, match_offset: undefined })}
          >
            <option value="">Any</option>
            {MATCH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      {matches.error ? <ErrorMessage error={matches.error} onRetry={matches.reload} /> : null}
      {!matches.data && !matches.error ? <Loading /> : null}
      {matches.data && matches.data.items.length === 0 ? (
        <Empty>
          {matchable
            ? "No matches yet. Matches appear when jobs for the candidate's roles are imported."
            : 'No matches: only approved candidates are matched. Approve the candidate to compute matches.'}
        </Empty>
      ) : null}
      {matches.data && matches.data.items.length > 0 ? (
        <div className="matches">
          <div>
            <ul className="match-list" aria-label="Ranked matches">
              {matches.data.items.map((m) => (
                <li key={m.id}>
                  <button type="button" aria-pressed={open === m.id} onClick={() => setOpen(m.id)}>
                    <ScorePill score={m.match_score} recommended={m.is_recommended} />
                    <span>
                      <span className="match-title">{m.job.title}</span>
                      <br />
                      <span className="muted">
                        {m.job.company ?? '—'} · {m.job.location ?? '—'}
                        {m.job.is_remote ? ' · remote' : ''}
                      </span>
                    </span>
                    <Badge value={m.status} />
                  </button>
                </li>
              ))}
            </ul>
            <Pager
              total={matches.data.total}
              limit={MATCH_LIMIT}
              offset={offset}
              onChange={(o) => setQuery({ match_offset: o })}
            />
          </div>
          <div>
            {open ? (
              <MatchPanel matchId={open} onChanged={onChanged} onApplied={onApplied} />
            ) : (
              <p className="muted">Open a match to see its breakdown.</p>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function CandidateApplications({ applications: apps }: { applications: Loaded<Page<Application>> }) {
  return (
    <section aria-labelledby="cand-apps-title">
      <h2 id="cand-apps-title">Applications</h2>
      {apps.error ? <ErrorMessage error={apps.error} onRetry={apps.reload} /> : null}
      {!apps.data && !apps.error ? <Loading /> : null}
      {apps.data && apps.data.items.length === 0 ? <Empty>No applications yet.</Empty> : null}
      {apps.data && apps.data.items.length > 0 ? (
        <ul>
          {apps.data.items.map((a) => (
            <li key={a.id}>
              <Link to={`/jobs/${a.job_posting_id}`}>{a.job_title}</Link> · {a.company ?? '—'} ·{' '}
              <Badge value={a.application_status} /> · {formatDateTime(a.applied_at)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Where and how the candidate wants to work, as the matching reads it: modes, reach and terms. */
function workPreferences(c: {
  work_modes: string[] | null;
  employment_types: string[] | null;
  open_to_relocation: boolean;
  commute_radius_km?: number | null;
}): string {
  const parts = [
    (c.work_modes ?? []).join(', '),
    c.commute_radius_km == null ? '' : `within ${formatInt(c.commute_radius_km)} km`,
    c.open_to_relocation ? 'open to relocation' : '',
    (c.employment_types ?? []).join(', '),
  ].filter(Boolean);
  return parts.join(' · ') || '—';
}
