import { type FormEvent, useState } from 'react';
import { del, patch, post } from '../api';
import { Badge, Empty, ErrorMessage, Field, LoadState } from '../components/ui';
import { formatDateTime, formatInt } from '../format';
import { useAction, useGet } from '../hooks';

const EVENTS = [
  'match.recommended',
  'application.status_changed',
  'placement.created',
  'candidate.created',
] as const;
type WebhookEvent = (typeof EVENTS)[number];

interface Endpoint {
  id: number;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  secret: string;
  is_active: boolean;
  created_at: string;
  deliveries: number;
  failed: number;
  last_delivery_at: string | null;
}

interface Delivery {
  id: number;
  event_type: WebhookEvent;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  replay_of: number | null;
  created_at: string;
}

export function WebhooksPage() {
  const endpoints = useGet<{ items: Endpoint[] }>('/api/webhooks');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['match.recommended']);
  const create = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run(async () => {
      await post('/api/webhooks', { url, events });
      setUrl('');
      endpoints.reload();
    });
  };
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Each delivery is a signed POST: header <code>Jobmatch-Signature: t=…,v1=…</code>, the HMAC-SHA256 of
        “timestamp.body” with the endpoint's secret. Failed deliveries are retried with growing delays.
      </p>
      <form className="panel" onSubmit={submit} aria-labelledby="new-hook-title">
        <h2 id="new-hook-title">Register an endpoint</h2>
        <Field label="HTTPS URL" error={create.error?.forField('url')}>
          {(props) => (
            <input
              {...props}
              type="url"
              required
              placeholder="https://example.com/jobmatch"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="row">
          <legend>Events</legend>
          {EVENTS.map((name) => (
            <label key={name} className="row">
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={(e) =>
                  setEvents((now) => (e.target.checked ? [...now, name] : now.filter((n) => n !== name)))
                }
              />
              <span>{name}</span>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.busy || events.length === 0}>
          Register endpoint
        </button>
      </form>
      <LoadState loaded={endpoints}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No endpoints yet.</Empty>
          ) : (
            <>
              {data.items.map((endpoint) => (
                <EndpointPanel key={endpoint.id} endpoint={endpoint} onChanged={endpoints.reload} />
              ))}
            </>
          )
        }
      </LoadState>
    </>
  );
}

function EndpointPanel({ endpoint, onChanged }: { endpoint: Endpoint; onChanged: () => void }) {
  const deliveries = useGet<{ items: Delivery[] }>(`/api/webhooks/${endpoint.id}/deliveries`, {
    page_size: 20,
  });
  const [showSecret, setShowSecret] = useState(false);
  const action = useAction();
  return (
    <section className="panel" aria-label={`Endpoint ${endpoint.url}`} data-testid={`webhook-${endpoint.id}`}>
      <div className="spread">
        <h2 className="wrap-anywhere">{endpoint.url}</h2>
        <Badge value={endpoint.is_active ? 'active' : 'inactive'} />
      </div>
      <p>{endpoint.events.join(', ')}</p>
      <p className="wrap-anywhere">
        Secret: {showSecret ? <code>{endpoint.secret}</code> : '••••••••'}{' '}
        <button type="button" className="small" onClick={() => setShowSecret((s) => !s)}>
          {showSecret ? 'Hide' : 'Show'} secret
        </button>
      </p>
      <p className="muted">
        {formatInt(endpoint.deliveries)} deliveries, {formatInt(endpoint.failed)} failed
      </p>
      <div className="row">
        <button
          type="button"
          className="small"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await patch(`/api/webhooks/${endpoint.id}`, { is_active: !endpoint.is_active });
              onChanged();
            })
          }
        >
          {endpoint.is_active ? 'Pause' : 'Resume'}
        </button>
        <button
          type="button"
          className="small"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await del(`/api/webhooks/${endpoint.id}`);
              onChanged();
            })
          }
        >
          Remove
        </button>
      </div>
      <ErrorMessage error={action.error} />
      {deliveries.data && deliveries.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Last answer
                </th>
                <th scope="col">
                  <span className="sr-only">Replay</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.event_type}
                    <div className="muted">{formatDateTime(d.created_at)}</div>
                  </td>
                  <td>
                    <Badge value={d.status} /> <span className="muted">×{d.attempts}</span>
                  </td>
                  <td className="hide-narrow">
                    {d.last_status_code ?? '—'} ·{' '}
                    {d.last_duration_ms === null ? '—' : `${d.last_duration_ms} ms`}
                    {d.last_error ? <div className="muted">{d.last_error}</div> : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      disabled={action.busy}
                      onClick={() =>
                        void action.run(async () => {
                          await post(`/api/webhooks/deliveries/${d.id}/replay`);
                          deliveries.reload();
                        })
                      }
                    >
                      Replay
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
