import { type FormEvent, useState } from 'react';
import { del, patch, post } from '../../api';
import { Badge, Empty, ErrorMessage, Loading, Pager } from '../../components/ui';
import { formatDateTime, formatInt } from '../../format';
import { useAction, useGet } from '../../hooks';
import { setQuery, useLocation } from '../../router';
import type { GlobalRole, Page, RoleReport } from '../../types';

const LIMIT = 25;

export function RolesPage() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  const roles = useGet<Page<GlobalRole>>('/api/admin/roles', { q, limit: LIMIT, offset });
  const action = useAction();
  const [merge, setMerge] = useState({ source: '', target: '' });
  const [merged, setMerged] = useState<string>();

  const doMerge = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const result = await post<{ role: GlobalRole }>('/api/admin/roles/merge', {
        source_id: Number(merge.source),
        target_id: Number(merge.target),
      });
      setMerged(`Merged into ${result.role.name}.`);
      setMerge({ source: '', target: '' });
      roles.reload();
    });
  };

  return (
    <>
      <h1>Roles</h1>
      <form
        className="toolbar"
        aria-label="Search roles"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: text, offset: undefined });
        }}
      >
        <div className="field">
          <label htmlFor="role-q">Name or alias</label>
          <input id="role-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">Search</button>
      </form>
      <ErrorMessage error={roles.error ?? action.error} />
      {merged ? (
        <p className="alert success" role="status">
          {merged}
        </p>
      ) : null}
      {!roles.data && !roles.error ? <Loading /> : null}
      {roles.data && roles.data.items.length === 0 ? <Empty>No roles match.</Empty> : null}
      {roles.data && roles.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Role</th>
                <th scope="col">Aliases</th>
                <th scope="col" className="num">
                  Candidates
                </th>
                <th scope="col">Queue</th>
              </tr>
            </thead>
            <tbody>
              {roles.data.items.map((role) => (
                <RoleRow key={role.id} role={role} onChange={roles.reload} run={action.run} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {roles.data ? (
        <Pager
          total={roles.data.total}
          limit={LIMIT}
          offset={offset}
          onChange={(o) => setQuery({ offset: o })}
        />
      ) : null}

      <form className="panel" onSubmit={doMerge}>
        <h2>Merge roles</h2>
        <p className="muted">
          Candidates, aliases, job mappings and scrape history of the first role move to the second.
        </p>
        <div className="row">
          <label htmlFor="merge-source">Merge role #</label>
          <input
            id="merge-source"
            type="number"
            min={1}
            value={merge.source}
            onChange={(e) => setMerge((m) => ({ ...m, source: e.target.value }))}
          />
          <label htmlFor="merge-target">into role #</label>
          <input
            id="merge-target"
            type="number"
            min={1}
            value={merge.target}
            onChange={(e) => setMerge((m) => ({ ...m, target: e.target.value }))}
          />
          <button type="submit" className="primary" disabled={action.busy || !merge.source || !merge.target}>
            Merge
          </button>
        </div>
      </form>
      <Reports />
    </>
  );
}

function RoleRow({
  role,
  onChange,
  run,
}: {
  role: GlobalRole;
  onChange: () => void;
  run: <R>(action: () => Promise<R>) => Promise<R | undefined>;
}) {
  const [alias, setAlias] = useState('');
  return (
    <tr>
      <td className="num">{role.id}</td>
      <td>
        {role.name}
        <div className="muted">{role.category ?? ''}</div>
      </td>
      <td>
        <ul className="chips">
          {role.aliases.map((a) => (
            <li key={a} className="chip">
              {a}{' '}
              <button
                type="button"
                className="small"
                aria-label={`Remove alias ${a}`}
                onClick={() =>
                  void run(async () => {
                    await del(`/api/admin/roles/${role.id}/aliases/${encodeURIComponent(a)}`);
                    onChange();
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await post(`/api/admin/roles/${role.id}/aliases`, { alias: alias.trim() });
              setAlias('');
              onChange();
            });
          }}
        >
          <input
            aria-label={`New alias of ${role.name}`}
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
          />
          <button type="submit" className="small" disabled={!alias.trim()}>
            Add alias
          </button>
        </form>
      </td>
      <td className="num">{formatInt(role.candidate_count)}</td>
      <td>
        <Badge value={role.queue_status} /> <Badge value={role.priority} />
      </td>
    </tr>
  );
}

function Reports() {
  const [status, setStatus] = useState('open');
  const reports = useGet<Page<RoleReport>>('/api/admin/role-reports', { status, limit: 50 });
  const action = useAction();
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">Reported wrong mappings</h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="report-status">Status</label>
          <select id="report-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="open">open</option>
            <option value="resolved">resolved</option>
            <option value="dismissed">dismissed</option>
          </select>
        </div>
      </div>
      <ErrorMessage error={reports.error ?? action.error} />
      {!reports.data && !reports.error ? <Loading /> : null}
      {reports.data && reports.data.items.length === 0 ? <Empty>No reports.</Empty> : null}
      {reports.data && reports.data.items.length > 0 ? (
        <ul>
          {reports.data.items.map((r) => (
            <li key={r.id}>
              “{r.input_text}” mapped to <strong>{r.global_role_name ?? '—'}</strong>
              {r.suggested_role_name ? <> · suggested “{r.suggested_role_name}”</> : null}
              {r.note ? <> · {r.note}</> : null} · {formatDateTime(r.created_at)}{' '}
              {r.status === 'open' ? (
                (['resolved', 'dismissed'] as const).map((to) => (
                  <button
                    key={to}
                    type="button"
                    className="small"
                    onClick={() =>
                      void action.run(async () => {
                        await patch(`/api/admin/role-reports/${r.id}`, { status: to });
                        reports.reload();
                      })
                    }
                  >
                    {to === 'resolved' ? 'Resolve' : 'Dismiss'}
                  </button>
                ))
              ) : (
                <Badge value={r.status} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
