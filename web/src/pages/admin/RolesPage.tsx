import { type FormEvent, useId, useState } from 'react';
import { del, pageOf, patch, post } from '../../api';
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
  const roles = useGet<Page<GlobalRole>>('/api/admin/roles', { q, ...pageOf(LIMIT, offset) });
  const action = useAction();
  const [source, setSource] = useState<GlobalRole | null>(null);
  const [target, setTarget] = useState<GlobalRole | null>(null);
  const [merged, setMerged] = useState<string>();
  const mergeAction = useAction();
  const sameRole = source !== null && source.id === target?.id;

  const doMerge = (event: FormEvent) => {
    event.preventDefault();
    if (!source || !target || sameRole) return;
    setMerged(undefined);
    void mergeAction.run(async () => {
      const result = await post<{ role: GlobalRole }>('/api/admin/roles/merge', {
        source_id: source.id,
        target_id: target.id,
      });
      setMerged(`Merged “${source.name}” into ${result.role.name}.`);
      setSource(null);
      setTarget(null);
      roles.reload();
    });
  };

  return (
    <>
      <h1>Roles</h1>
      <Reports />
      <form className="panel" onSubmit={doMerge}>
        <h2>Merge roles</h2>
        <p className="muted">
          Candidates, aliases, job mappings and scrape history of the first role move to the second.
        </p>
        <div className="row" style={{ alignItems: 'start' }}>
          <RolePicker label="Merge this role" value={source} onChange={setSource} />
          <RolePicker label="into this role" value={target} onChange={setTarget} />
        </div>
        {sameRole ? <p className="field-error">Pick two different roles.</p> : null}
        <button
          type="submit"
          className="primary"
          disabled={mergeAction.busy || !source || !target || sameRole}
        >
          {source && target && !sameRole ? `Merge “${source.name}” into “${target.name}”` : 'Merge'}
        </button>
        <ErrorMessage error={mergeAction.error} />
        {merged ? (
          <p className="alert success" role="status">
            {merged}
          </p>
        ) : null}
      </form>
      <h2>All roles</h2>
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
      <ErrorMessage error={roles.error ?? action.error} onRetry={roles.error ? roles.reload : undefined} />
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
    </>
  );
}

/** Finds a role by name or alias: a search box over a list box of the best matches. */
function RolePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: GlobalRole | null;
  onChange: (role: GlobalRole | null) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const found = useGet<Page<GlobalRole>>('/api/admin/roles', { q: search.trim(), page_size: 8 });
  const options = found.data?.items ?? [];
  return (
    <fieldset className="picker panel">
      <legend>{label}</legend>
      <label htmlFor={`${id}-q`}>Search by name or alias</label>
      <input
        id={`${id}-q`}
        className="picker-control"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-controls={`${id}-list`}
      />
      <label htmlFor={`${id}-list`} className="sr-only">
        {label}: matching roles
      </label>
      <select
        id={`${id}-list`}
        className="picker-control"
        size={Math.max(2, Math.min(6, options.length))}
        value={value ? String(value.id) : ''}
        onChange={(e) => onChange(options.find((r) => String(r.id) === e.target.value) ?? null)}
      >
        {value && !options.some((r) => r.id === value.id) ? (
          <option value={value.id}>{value.name}</option>
        ) : null}
        {options.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name} ({formatInt(role.candidate_count)} candidates)
          </option>
        ))}
      </select>
      {found.error ? <ErrorMessage error={found.error} onRetry={found.reload} /> : null}
      {found.data && options.length === 0 ? <span className="muted">No role matches.</span> : null}
      <div className="muted" aria-live="polite">
        {value ? `Chosen: ${value.name}` : 'None chosen'}
      </div>
    </fieldset>
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
  const reports = useGet<Page<RoleReport>>('/api/admin/role-reports', { status, page_size: 50 });
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
      <ErrorMessage
        error={reports.error ?? action.error}
        onRetry={reports.error ? reports.reload : undefined}
      />
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
