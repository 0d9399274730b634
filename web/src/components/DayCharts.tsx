import { type DayCount, FUNNEL_STAGES, type Funnel } from '../day-types';
import { formatDate, formatInt, humanize } from '../format';

/** New matches per day as bars, in inline SVG. */
export function MatchesPerDayChart({ days, title }: { days: DayCount[]; title: string }) {
  const width = 560;
  const height = 180;
  const pad = { left: 36, right: 12, top: 16, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...days.map((d) => d.count));
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(2, Math.min(28, step * 0.6));
  const labelEvery = Math.ceil(days.length / 5);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{days.map((d) => `${formatDate(d.day)}: ${d.count}`).join('; ')}</desc>
      <line x1={pad.left} y1={pad.top + plotH} x2={width - pad.right} y2={pad.top + plotH} stroke="#d9dde5" />
      <text x={4} y={pad.top + 4}>
        {formatInt(max)}
      </text>
      {days.map((d, i) => {
        const h = (d.count / max) * plotH;
        const x = pad.left + step * i + step / 2;
        return (
          <g key={d.day}>
            <rect x={x - barW / 2} y={pad.top + plotH - h} width={barW} height={h} fill="#9db8e6" />
            {i % labelEvery === 0 ? (
              <text x={x} y={height - 8} textAnchor="middle">
                {formatDate(d.day)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** The funnel matched → placed as horizontal bars. */
export function FunnelChart({ funnel, label }: { funnel: Funnel; label: string }) {
  const max = Math.max(1, funnel.matched);
  return (
    <ol className="funnel" aria-label={label}>
      {FUNNEL_STAGES.map((stage) => (
        <li key={stage}>
          <span className="funnel-label">{humanize(stage)}</span>
          <span className="funnel-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(1, (funnel[stage] / max) * 100)}%` }} />
          </span>
          <span className="funnel-count">{formatInt(funnel[stage])}</span>
        </li>
      ))}
    </ol>
  );
}
