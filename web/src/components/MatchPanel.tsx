import { useEffect, useState } from 'react';
import { get, patch, post } from '../api';
import { formatDateTime, formatSalaryRange, formatScore } from '../format';
import { useAction } from '../hooks';
import { Link } from '../router';
import type { Application, MatchDetail } from '../types';
import { Badge, ErrorMessage, Loading, ScoreBar, ScorePill } from './ui';

interface Improvement {
  action: string;
  newScore: number;
}

function improvementsOf(value: unknown): Improvement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Improvement =>
      typeof item === 'object' &&
      item !== null &&
      typeof item.action === 'string' &&
      typeof item.newScore === 'number',
  );
}

/**
 * One match opened: marks it viewed, shows its breakdown and offers shortlist, reject and apply.
 * `onChanged` runs when the match's status changed, `onApplied` when an application was created.
 */
export function MatchPanel({
  matchId,
  onChanged,
  onApplied,
}: {
  matchId: number;
  onChanged: () => void;
  onApplied?: () => void;
}) {
  const [match, setMatch] = useState<MatchDetail>();
  const [loadError, setLoadError] = useState<Error>();
  const [applied, setApplied] = useState<Application>();
  const action = useAction();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on Retry.
  useEffect(() => {
    let cancelled = false;
    setMatch(undefined);
    setApplied(undefined);
    setLoadError(undefined);
    (async () => {
      let detail = await get<MatchDetail>(`/api/matches/${matchId}`);
      if (detail.status === 'suggested') {
        detail = await patch<MatchDetail>(`/api/matches/${matchId}`, { status: 'viewed' });
        if (!cancelled) onChanged();
      }
      if (!cancelled) setMatch(detail);
    })().catch((error: Error) => {
      if (!cancelled) setLoadError(error);
    });
    return () => {
      cancelled = true;
    };
  }, [matchId, onChanged, attempt]);

  if (loadError) return <ErrorMessage error={loadError} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!match) return <Loading />;

  const setStatus = (status: 'shortlisted' | 'rejected') =>
    action.run(async () => {
      setMatch(await patch<MatchDetail>(`/api/matches/${match.id}`, { status }));
      onChanged();
    });
  const apply = () =>
    action.run(async () => {
      setApplied(
        await post<Application>('/api/applications', { match_id: match.id, applied_via: 'platform' }),
      );
      setMatch(await get<MatchDetail>(`/api/matches/${match.id}`));
      onChanged();
      onApplied?.();
    });
  const improvements = improvementsOf(match.improvements);
  // "Based on 3 of 5 signals": how much the score rests on, shown with the breakdown.
  const basis = match.match_reasons.find((reason) => reason.startsWith('Based on '));
  const reasons = match.match_reasons.filter((reason) => reason !== basis);

  return (
    <article className="panel" aria-labelledby="match-title" data-testid="match-panel">
      <div className="spread">
        <h2 id="match-title">
          <Link to={`/jobs/${match.job.id}`}>{match.job.title}</Link>
        </h2>
        <ScorePill score={match.match_score} recommended={match.is_recommended} />
      </div>
      <p className="muted">
        {match.job.company ?? 'Unknown company'} · {match.job.location ?? '—'}
        {match.job.is_remote ? ' · remote' : ''} ·{' '}
        {formatSalaryRange(
          match.job.salary_min_annual,
          match.job.salary_max_annual,
          match.job.salary_currency,
        )}
      </p>
      <p>
        Status: <Badge value={match.status} />{' '}
        {match.viewed_at ? <span className="muted">viewed {formatDateTime(match.viewed_at)}</span> : null}
      </p>
      <h3>Score breakdown</h3>
      {basis ? (
        <p className="muted" data-testid="match-confidence">
          {basis}; a signal without evidence (—) does not count.
        </p>
      ) : null}
      <ScoreBar label="Skills" value={match.skill_match_score} />
      <ScoreBar label="Experience" value={match.experience_match_score} />
      <ScoreBar label="Location" value={match.location_match_score} />
      <ScoreBar label="Salary" value={match.salary_match_score} />
      <ScoreBar label="Semantic fit" value={match.semantic_similarity} />
      <h3>Skills</h3>
      <ul className="chips" aria-label="Matched skills">
        {match.matched_skills.map((skill) => (
          <li key={skill} className="chip ok">
            ✓ {skill}
          </li>
        ))}
      </ul>
      <ul className="chips" aria-label="Missing skills">
        {match.missing_skills.map((skill) => (
          <li key={skill} className="chip missing">
            ✗ {skill}
          </li>
        ))}
      </ul>
      <h3>Why</h3>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {improvements.length > 0 ? (
        <div className="advice">
          <strong>Advice:</strong>
          <ul>
            {improvements.map((item) => (
              <li key={item.action}>
                {item.action} would raise the score to {formatScore(item.newScore)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorMessage error={action.error} />
      {applied ? (
        <div className="alert success" role="status">
          Applied. <Link to={`/applications?candidate_id=${match.candidate_id}`}>See the application</Link>
        </div>
      ) : null}
      <div className="row" style={{ marginTop: '0.75rem' }}>
        <button
          type="button"
          disabled={action.busy || match.status === 'shortlisted' || match.status === 'applied'}
          onClick={() => void setStatus('shortlisted')}
        >
          Shortlist
        </button>
        <button
          type="button"
          className="danger"
          disabled={action.busy || match.status === 'rejected' || match.status === 'applied'}
          onClick={() => void setStatus('rejected')}
        >
          Reject
        </button>
        <button
          type="button"
          className="primary"
          disabled={action.busy || match.status === 'applied'}
          onClick={() => void apply()}
        >
          Apply
        </button>
      </div>
    </article>
  );
}
