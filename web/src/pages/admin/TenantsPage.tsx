import { type FormEvent, useState } from 'react';
import { type ApiError, patch, post } from '../../api';
import { ROLE_LABELS } from '../../auth';
import { ActiveToggle, Badge, Empty, ErrorMessage, Field, Loading } from '../../components/ui';
import { formatDateTime } from '../../format';
import { useAction, useGet } from '../../hooks';
import type { Account, Tenant } from '../../types';

export function TenantsPage() {
  const tenants = useGet<{ items: Tenant[] }>('/api/admin/tenants');
  const action = useAction();
  const [open, setOpen] = useState<number | null>(null);
  const [form, setForm] = useState({ name: '', email: '', password: '', adminName: '' });
  const [createError, setCreateError] = useState<ApiError>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreateError(undefined);
    try {
      await post('/api/admin/tenants', {
        name: form.name,
        admin: {
          email: form.email,
          password: form.password,
          ...(form.adminName ? { name: form.adminName } : {}),
        },
      });
      setForm({ name: '', email: '', password: '', adminName: '' });
      tenants.reload();
    } catch (error) {
      setCreateError(error as ApiError);
    }
  };

  return (
    <>
      <h1>Tenants</h1>
      <ErrorMessage
        error={tenants.error ?? action.error}
        onRetry={tenants.error ? tenants.reload : undefined}
      />
      {!tenants.data && !tenants.error ? <Loading /> : null}
      {tenants.data && tenants.data.items.length === 0 ? <Empty>No agencies yet.</Empty> : null}
      {tenants.data && tenants.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tenants.data.items.map((t) => (
                <tr key={t.id}>
                  <td>
                    <button
                      type="button"
                      className="small"
                      aria-expanded={open === t.id}
                      onClick={() => setOpen(open === t.id ? null : t.id)}
                    >
                      {t.name}
                    </button>
                    <div className="muted">{t.slug}</div>
                  </td>
                  <td>
                    <Badge value={t.is_active ? 'active' : 'inactive'} />
                  </td>
                  <td>{formatDateTime(t.created_at)}</td>
                  <td>
                    <ActiveToggle
                      active={t.is_active}
                      onToggle={() =>
                        void action.run(async () => {
                          await patch(`/api/admin/tenants/${t.id}`, { is_active: !t.is_active });
                          tenants.reload();
                        })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open ? <TenantUsers id={open} /> : null}
      <form className="panel" onSubmit={create} noValidate>
        <h2>New agency</h2>
        <ErrorMessage error={createError} />
        <div className="form-grid">
          <Field label="Agency name" error={createError?.forField('name')}>
            {(props) => (
              <input
                {...props}
                value={form.name}
                onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              />
            )}
          </Field>
          <Field label="Admin name">
            {(props) => (
              <input
                {...props}
                value={form.adminName}
                onChange={(e) => setForm((f) => ({ ...f, adminName: e.target.value }))}
              />
            )}
          </Field>
          <Field label="Admin email" error={createError?.forField('email')}>
            {(props) => (
              <input
                {...props}
                type="email"
                value={form.email}
                onChange={(e) => setForm((f) => ({ ...f, email: e.target.value }))}
              />
            )}
          </Field>
          <Field label="Admin password" error={createError?.forField('password')}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => setForm((f) => ({ ...f, password: e.target.value }))}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="primary">
          Create agency
        </button>
      </form>
    </>
  );
}

function TenantUsers({ id }: { id: number }) {
  const tenant = useGet<Tenant & { users: Account[] }>(`/api/admin/tenants/${id}`);
  if (tenant.error) return <ErrorMessage error={tenant.error} onRetry={tenant.reload} />;
  if (!tenant.data) return <Loading />;
  return (
    <section className="panel">
      <h2>Users of {tenant.data.name}</h2>
      {tenant.data.users.length === 0 ? <Empty>No users.</Empty> : null}
      <ul>
        {tenant.data.users.map((u) => (
          <li key={u.id}>
            {u.name ?? u.email} · {u.email} · {ROLE_LABELS[u.role]} ·{' '}
            <Badge value={u.is_active ? 'active' : 'inactive'} /> · last sign-in{' '}
            {formatDateTime(u.last_login_at)}
          </li>
        ))}
      </ul>
    </section>
  );
}
