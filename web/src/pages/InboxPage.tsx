import { pageOf, post } from '../api';
import { DigestSetting } from '../components/DigestSetting';
import { Empty, ErrorMessage, LoadState, Pager } from '../components/ui';
import type { InboxEntry } from '../day-types';
import { formatDateTime, humanize } from '../format';
import { useAction, useGet } from '../hooks';
import { notifyInboxChanged } from '../inbox-count';
import { Link, setQuery, useLocation } from '../router';

const LIMIT = 30;

export function InboxPage() {
  const { query } = useLocation();
  const unreadOnly = query.get('unread') === 'true';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const inbox = useGet<{ items: InboxEntry[]; total: number; unread: number }>('/api/inbox', {
    unread: unreadOnly,
    ...pageOf(LIMIT, offset),
  });
  const action = useAction();
  const markRead = (ids?: number[]) =>
    action.run(async () => {
      await post('/api/inbox/read', ids ? { ids } : {});
      notifyInboxChanged();
      inbox.reload();
    });

  return (
    <>
      <div className="spread">
        <h1>Inbox</h1>
        <div className="row">
          <label className="row">
            <input
              type="checkbox"
              checked={unreadOnly}
              onChange={(e) => setQuery({ unread: e.target.checked ? 'true' : undefined, offset: undefined })}
            />
            <span>Unread only</span>
          </label>
          <button type="button" disabled={action.busy} onClick={() => void markRead()}>
            Mark all read
          </button>
        </div>
      </div>
      <DigestSetting />
      <ErrorMessage error={action.error} />
      <LoadState loaded={inbox}>
        {(data) => (
          <>
            <p className="muted" role="status">
              {data.unread} unread
            </p>
            {data.items.length === 0 ? <Empty>Nothing here.</Empty> : null}
            <ul className="plain inbox">
              {data.items.map((entry) => (
                <li
                  key={entry.id}
                  className={entry.read_at ? 'read' : 'unread'}
                  data-testid={`inbox-${entry.id}`}
                >
                  <div className="spread">
                    <span>
                      <span className="badge">{humanize(entry.kind.split('.')[0] ?? entry.kind)}</span>{' '}
                      {entry.link ? <Link to={entry.link}>{entry.title}</Link> : entry.title}
                    </span>
                    {entry.read_at ? null : (
                      <button type="button" className="small" onClick={() => void markRead([entry.id])}>
                        Mark read
                      </button>
                    )}
                  </div>
                  {entry.detail ? <div className="muted">{entry.detail}</div> : null}
                  <div className="muted">{formatDateTime(entry.created_at)}</div>
                </li>
              ))}
            </ul>
            <Pager
              total={data.total}
              limit={LIMIT}
              offset={offset}
              onChange={(o) => setQuery({ offset: o })}
            />
          </>
        )}
      </LoadState>
    </>
  );
}
