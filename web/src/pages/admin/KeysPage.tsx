import { type FormEvent, type ReactNode, useState } from 'react';
import { post } from '../../api';
import { Badge, Empty, ErrorMessage, Field, Loading } from '../../components/ui';
import { formatDateTime, formatInt } from '../../format';
import { useAction, useGet } from '../../hooks';
import type { ApiKeyScope, ScraperKey } from '../../types';

/** The platform's scraper keys. */
export function KeysPage() {
  return <ApiKeysPage title="Scraper API keys" basePath="/api/admin/scraper-keys" />;
}

/**
 * API keys of one kind: create (the secret shown once), list, revoke. Scraper keys for platform admins;
 * with `scoped`, an agency's read or write keys for the recruiter API.
 */
export function ApiKeysPage({
  title,
  basePath,
  scoped = false,
  intro,
}: {
  title: string;
  basePath: string;
  scoped?: boolean;
  intro?: ReactNode;
}) {
  const keys = useGet<{ items: ScraperKey[] }>(basePath);
  const action = useAction();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('read');
  const [created, setCreated] = useState<{ key: ScraperKey; secret: string }>();
  const [copied, setCopied] = useState(false);

  const create = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      setCopied(false);
      setCreated(
        await post<{ key: ScraperKey; secret: string }>(basePath, {
          name: name.trim(),
          ...(scoped ? { scope } : {}),
        }),
      );
      setName('');
      keys.reload();
    });
  };

  return (
    <>
      <h1>{title}</h1>
      {intro}
      <form className="panel" onSubmit={create} noValidate>
        <h2>Create a key</h2>
        <div className="row">
          <Field label="Name" error={action.error?.forField('name')}>
            {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {scoped ? (
            <Field label="Scope" error={action.error?.forField('scope')}>
              {(props) => (
                <select {...props} value={scope} onChange={(e) => setScope(e.target.value as ApiKeyScope)}>
                  <option value="read">read: GET only</option>
                  <option value="write">write: read and change</option>
                </select>
              )}
            </Field>
          ) : null}
          <button type="submit" className="primary" disabled={action.busy}>
            Create key
          </button>
        </div>
        {created ? (
          <div className="alert success" role="status">
            <p>Key “{created.key.name}” created. Copy the secret now: it is not shown again.</p>
            <div className="row">
              <code className="secret" data-testid="secret">
                {created.secret}
              </code>
              <button
                type="button"
                onClick={() =>
                  void navigator.clipboard.writeText(created.secret).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {copied ? 'Copied' : 'Copy'}
              </button>
            </div>
          </div>
        ) : null}
      </form>
      <ErrorMessage error={keys.error ?? (action.error?.fieldErrors.length ? undefined : action.error)} />
      {!keys.data && !keys.error ? <Loading /> : null}
      {keys.data && keys.data.items.length === 0 ? <Empty>No keys yet.</Empty> : null}
      {keys.data && keys.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {scoped ? <th scope="col">Scope</th> : null}
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col" className="num">
                  Requests
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id} data-testid={`key-${key.name}`}>
                  <td className="wrap-anywhere">{key.name}</td>
                  {scoped ? <td>{key.scope}</td> : null}
                  <td>
                    <Badge value={key.is_active ? 'active' : 'revoked'} />
                  </td>
                  <td>{formatDateTime(key.created_at)}</td>
                  <td>{formatDateTime(key.last_used_at)}</td>
                  <td className="num">{formatInt(key.total_requests)}</td>
                  <td>
                    {key.is_active ? (
                      <button
                        type="button"
                        className="small danger"
                        disabled={action.busy}
                        onClick={() =>
                          void action.run(async () => {
                            await post(`${basePath}/${key.id}/revoke`);
                            keys.reload();
                          })
                        }
                      >
                        Revoke
                      </button>
                    ) : (
                      <span className="muted">revoked {formatDateTime(key.revoked_at)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
