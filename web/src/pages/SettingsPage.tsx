import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, patch, post, put } from '../api';
import { ROLE_LABELS } from '../auth';
import { AlertSettingsPanel } from '../components/AlertSettingsPanel';
import { ActiveToggle, Badge, ErrorMessage, Field, Loading } from '../components/ui';
import { formatDateTime, formatInt, formatScore, locale } from '../format';
import { useAction, useGet } from '../hooks';
import { Link } from '../router';
import type { Account, SettingsPreview, TenantSettings, Weights } from '../types';

const WEIGHT_NAMES: (keyof Weights)[] = ['skill', 'experience', 'location', 'salary', 'semantic'];
/** The server keeps weights to 3 decimals, so a sum within half a thousandth of 1 is 1. */
const SUM_TOLERANCE = 0.0005;

/** What is wrong with one weight as typed, or undefined when it is a number from 0 to 1. */
function weightProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a weight from 0 to 1.';
  const value = Number(text);
  if (!Number.isFinite(value)) return 'Not a number.';
  if (value < 0 || value > 1) return 'Must be from 0 to 1.';
  return undefined;
}

function thresholdProblem(text: string): string | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100)
    return 'Enter a score from 0 to 100.';
  return undefined;
}

export function SettingsPage() {
  return (
    <>
      <h1>Agency settings</h1>
      <ScoringSettings />
      <AlertSettingsPanel />
      <Users />
    </>
  );
}

/** An optional whole number within bounds, blank meaning "the server default". */
function optionalNumberProblem(text: string, min: number, max: number, integer: boolean): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    return `Enter ${integer ? 'a whole number' : 'a score'} from ${min} to ${max}, or leave it empty for the default.`;
  return undefined;
}

const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text));

function ScoringSettings() {
  const settings = useGet<TenantSettings>('/api/tenant/settings');
  const [weights, setWeights] = useState<Record<keyof Weights, string>>();
  const [threshold, setThreshold] = useState('');
  const [listSize, setListSize] = useState('');
  const [floor, setFloor] = useState('');
  const [preview, setPreview] = useState<SettingsPreview>();
  const [saved, setSaved] = useState(false);
  const action = useAction();

  useEffect(() => {
    if (!settings.data) return;
    setWeights(
      Object.fromEntries(WEIGHT_NAMES.map((n) => [n, String(settings.data?.weights[n] ?? 0)])) as Record<
        keyof Weights,
        string
      >,
    );
    setThreshold(String(settings.data.recommend_threshold));
    setListSize(settings.data.match_list_size === null ? '' : String(settings.data.match_list_size));
    setFloor(settings.data.match_floor === null ? '' : String(settings.data.match_floor));
  }, [settings.data]);

  if (settings.error) return <ErrorMessage error={settings.error} onRetry={settings.reload} />;
  if (!settings.data || !weights) return <Loading />;
  const body = () => ({
    weights: Object.fromEntries(WEIGHT_NAMES.map((n) => [n, Number(weights[n])])),
    recommend_threshold: Number(threshold),
  });
  const sum = WEIGHT_NAMES.reduce((total, n) => total + (Number(weights[n]) || 0), 0);
  const sumIsOne = Math.abs(sum - 1) < SUM_TOLERANCE;
  const listSizeProblem = optionalNumberProblem(listSize, 0, 1000, true);
  const floorProblem = optionalNumberProblem(floor, 0, 100, false);
  const fieldsValid =
    WEIGHT_NAMES.every((n) => !weightProblem(weights[n])) &&
    !thresholdProblem(threshold) &&
    !listSizeProblem &&
    !floorProblem;

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!fieldsValid || !sumIsOne) return;
    void action.run(async () => {
      await put('/api/tenant/settings', {
        ...body(),
        match_list_size: optionalNumber(listSize),
        match_floor: optionalNumber(floor),
      });
      setSaved(true);
      settings.reload();
    });
  };

  return (
    <form className="panel" onSubmit={save} aria-labelledby="weights-title">
      <h2 id="weights-title">Matching weights and recommendation threshold</h2>
      <p className="muted">
        {settings.data.customized ? 'Customized' : 'Defaults'}
        {settings.data.updated_at ? `, saved ${formatDateTime(settings.data.updated_at)}` : ''}.
      </p>
      <p aria-live="polite" data-testid="weight-sum">
        Weights must sum to 1. Sum now:{' '}
        <span className={sumIsOne ? 'sum-ok' : 'sum-bad'}>{weightFormat.format(sum)}</span>
        {sumIsOne
          ? ' ✓'
          : ` (${sum > 1 ? 'lower' : 'raise'} some weights by ${weightFormat.format(Math.abs(1 - sum))})`}
      </p>
      <div className="form-grid">
        {WEIGHT_NAMES.map((name) => (
          <NumberField
            key={name}
            label={`${name[0]?.toUpperCase()}${name.slice(1)} weight`}
            error={weightProblem(weights[name]) ?? action.error?.forField(name)}
            step="0.01"
            min={0}
            max={1}
            value={weights[name]}
            onChange={(value) => setWeights((w) => (w ? { ...w, [name]: value } : w))}
          />
        ))}
        <NumberField
          label="Recommend at score ≥"
          error={thresholdProblem(threshold) ?? action.error?.forField('recommend_threshold')}
          min={0}
          max={100}
          value={threshold}
          onChange={setThreshold}
        />
        <NumberField
          label="Suggested matches kept per candidate"
          hint="Best first; matches a recruiter acted on are always kept. Empty: the default (50)."
          error={listSizeProblem ?? action.error?.forField('match_list_size')}
          min={0}
          max={1000}
          value={listSize}
          onChange={setListSize}
        />
        <NumberField
          label="Keep suggested matches scoring at least"
          hint="Empty: the default floor."
          error={floorProblem ?? action.error?.forField('match_floor')}
          min={0}
          max={100}
          value={floor}
          onChange={setFloor}
        />
      </div>
      <ErrorMessage error={action.error} />
      {saved ? (
        <p className="alert success" role="status">
          Saved. Matches are rescored in the background.
        </p>
      ) : null}
      <div className="row">
        <button
          type="button"
          disabled={action.busy || !fieldsValid}
          onClick={() =>
            void action.run(async () =>
              setPreview(await post<SettingsPreview>('/api/tenant/settings/preview?sample=20', body())),
            )
          }
        >
          Preview
        </button>
        <button type="submit" className="primary" disabled={action.busy || !fieldsValid || !sumIsOne}>
          Save
        </button>
      </div>
      {preview ? (
        <div>
          <h3>Preview on {formatInt(preview.sampled)} of your best matches</h3>
          <p>
            Recommended: {formatInt(preview.recommended_before)} → {formatInt(preview.recommended_after)} ·
            mean change {formatScore(preview.mean_change)}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Match</th>
                  <th scope="col" className="num">
                    Before
                  </th>
                  <th scope="col" className="num">
                    After
                  </th>
                  <th scope="col" className="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.matches.map((m) => (
                  <tr key={m.match_id}>
                    <td>
                      <Link to={`/candidates/${m.candidate_id}`}>Candidate #{m.candidate_id}</Link> ·{' '}
                      <Link to={`/jobs/${m.job_posting_id}`}>job #{m.job_posting_id}</Link>
                    </td>
                    <td className="num">
                      {formatScore(m.before.match_score)}
                      {m.before.is_recommended ? ' ★' : ''}
                    </td>
                    <td className="num">
                      {formatScore(m.after.match_score)}
                      {m.after.is_recommended ? ' ★' : ''}
                    </td>
                    <td className="num">
                      <ScoreChange delta={m.after.match_score - m.before.match_score} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </form>
  );
}

/** A labelled number input whose text is kept as typed (validated by the caller). */
function NumberField(props: {
  label: string;
  hint?: string;
  error: string | undefined;
  min: number;
  max: number;
  step?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { label, hint, error, onChange, ...input } = props;
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {(fieldProps) => (
        <input {...fieldProps} {...input} type="number" onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

const weightFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
const changeFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

function ScoreChange({ delta }: { delta: number }) {
  const rounded = Math.round(delta * 10) / 10;
  const tone = rounded > 0 ? 'delta-up' : rounded < 0 ? 'delta-down' : 'muted';
  return <span className={tone}>{changeFormat.format(rounded)}</span>;
}

function Users() {
  const users = useGet<{ items: Account[] }>('/api/tenant/users');
  const action = useAction();
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'RECRUITER' });
  const [createError, setCreateError] = useState<ApiError>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreateError(undefined);
    try {
      await post('/api/tenant/users', { ...form, name: form.name || undefined });
      setForm({ email: '', name: '', password: '', role: 'RECRUITER' });
      users.reload();
    } catch (error) {
      setCreateError(error as ApiError);
    }
  };

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <ErrorMessage error={users.error ?? action.error} onRetry={users.error ? users.reload : undefined} />
      {!users.data && !users.error ? <Loading /> : null}
      {users.data ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Active</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.name ?? '—'}
                    <div className="muted">{u.email}</div>
                  </td>
                  <td>
                    <select
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      onChange={(e) =>
                        void action.run(async () => {
                          await patch(`/api/tenant/users/${u.id}`, { role: e.target.value });
                          users.reload();
                        })
                      }
                    >
                      <option value="RECRUITER">{ROLE_LABELS.RECRUITER}</option>
                      <option value="TENANT_ADMIN">{ROLE_LABELS.TENANT_ADMIN}</option>
                    </select>
                  </td>
                  <td>{formatDateTime(u.last_login_at)}</td>
                  <td>
                    <Badge value={u.is_active ? 'active' : 'inactive'} />{' '}
                    <ActiveToggle
                      active={u.is_active}
                      onToggle={() =>
                        void action.run(async () => {
                          await patch(`/api/tenant/users/${u.id}`, { is_active: !u.is_active });
                          users.reload();
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
      <form onSubmit={create} noValidate>
        <h3>Add a user</h3>
        <ErrorMessage error={createError} />
        <div className="form-grid">
          {(['email', 'name', 'password'] as const).map((name) => (
            <Field
              key={name}
              label={name[0]?.toUpperCase() + name.slice(1)}
              error={createError?.forField(name)}
            >
              {(props) => (
                <input
                  {...props}
                  type={name === 'password' ? 'password' : name === 'email' ? 'email' : 'text'}
                  autoComplete={name === 'password' ? 'new-password' : 'off'}
                  value={form[name]}
                  onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
                />
              )}
            </Field>
          ))}
          <Field label="Role">
            {(props) => (
              <select
                {...props}
                value={form.role}
                onChange={(e) => setForm((f) => ({ ...f, role: e.target.value }))}
              >
                <option value="RECRUITER">{ROLE_LABELS.RECRUITER}</option>
                <option value="TENANT_ADMIN">{ROLE_LABELS.TENANT_ADMIN}</option>
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="primary">
          Add user
        </button>
      </form>
    </section>
  );
}
