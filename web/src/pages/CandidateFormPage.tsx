import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, patch, post } from '../api';
import { ErrorMessage, Field, Loading } from '../components/ui';
import { useGet } from '../hooks';
import { Link, navigate } from '../router';
import type { Candidate, CandidateDetail } from '../types';

interface FormValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  current_title: string;
  current_employer: string;
  skills: string;
  total_experience_years: string;
  expected_salary: string;
  location: string;
  preferred_locations: string;
  preferred_roles: string;
  work_modes: string;
  employment_types: string;
  expected_hourly_rate: string;
  open_to_relocation: string;
  commute_radius_km: string;
  professional_summary: string;
}

const EMPTY: FormValues = {
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  current_title: '',
  current_employer: '',
  skills: '',
  total_experience_years: '',
  expected_salary: '',
  location: '',
  preferred_locations: '',
  preferred_roles: '',
  work_modes: '',
  employment_types: '',
  expected_hourly_rate: '',
  open_to_relocation: '',
  commute_radius_km: '',
  professional_summary: '',
};

function toValues(c: Candidate): FormValues {
  return {
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email,
    phone: c.phone ?? '',
    current_title: c.current_title ?? '',
    current_employer: c.current_employer ?? '',
    skills: (c.skills ?? []).join(', '),
    total_experience_years: c.total_experience_years == null ? '' : String(c.total_experience_years),
    expected_salary: c.expected_salary ?? '',
    location: c.location ?? '',
    preferred_locations: (c.preferred_locations ?? []).join('; '),
    preferred_roles: (c.preferred_roles ?? []).join('\n'),
    work_modes: (c.work_modes ?? []).join(', '),
    employment_types: (c.employment_types ?? []).join(', '),
    expected_hourly_rate: c.expected_hourly_rate ?? '',
    open_to_relocation: c.open_to_relocation ? 'yes' : '',
    commute_radius_km: c.commute_radius_km == null ? '' : String(c.commute_radius_km),
    professional_summary: c.professional_summary ?? '',
  };
}

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A whole-number field: null when blank, the number, or the text as typed so the server's message explains it. */
function numberOrText(text: string): number | string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** The request body; a non-number experience is sent as is so the server's message explains it. */
function toBody(v: FormValues) {
  return {
    first_name: v.first_name.trim(),
    last_name: v.last_name.trim(),
    email: v.email.trim(),
    phone: orNull(v.phone),
    current_title: orNull(v.current_title),
    current_employer: orNull(v.current_employer),
    skills: list(v.skills, /,/),
    total_experience_years: numberOrText(v.total_experience_years),
    expected_salary: orNull(v.expected_salary),
    location: orNull(v.location),
    preferred_locations: list(v.preferred_locations, /;/),
    preferred_roles: list(v.preferred_roles, /\n/),
    work_modes: list(v.work_modes, /,/),
    employment_types: list(v.employment_types, /,/),
    expected_hourly_rate: orNull(v.expected_hourly_rate),
    open_to_relocation: v.open_to_relocation === 'yes',
    commute_radius_km: numberOrText(v.commute_radius_km),
    professional_summary: orNull(v.professional_summary),
  };
}

export function CandidateFormPage({ id }: { id?: number }) {
  const existing = useGet<CandidateDetail>(id ? `/api/candidates/${id}` : null);
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (existing.data) setValues(toValues(existing.data));
  }, [existing.data]);

  if (id && existing.error) return <ErrorMessage error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <Loading />;

  const set = (name: keyof FormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = id
        ? await patch<Candidate>(`/api/candidates/${id}`, toBody(values))
        : await post<Candidate>('/api/candidates', toBody(values));
      navigate(`/candidates/${saved.id}`);
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const input = (
    name: keyof FormValues,
    label: string,
    options: { type?: string; hint?: string; wide?: boolean } = {},
  ) => (
    <div className={options.wide ? 'wide' : undefined}>
      <Field label={label} error={error?.forField(name)} {...(options.hint ? { hint: options.hint } : {})}>
        {(props) => (
          <input
            {...props}
            name={name}
            type={options.type ?? 'text'}
            value={values[name]}
            onChange={set(name)}
          />
        )}
      </Field>
    </div>
  );

  return (
    <>
      <h1>{id ? 'Edit candidate' : 'New candidate'}</h1>
      <form className="panel" onSubmit={submit} noValidate>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="form-grid">
          {input('first_name', 'First name')}
          {input('last_name', 'Last name')}
          {input('email', 'Email', { type: 'email' })}
          {input('phone', 'Phone')}
          {input('current_title', 'Current title')}
          {input('current_employer', 'Current employer')}
          {input('total_experience_years', 'Years of experience', { hint: 'A whole number' })}
          {input('skills', 'Skills', {
            hint: 'Comma-separated, or pasted from a resume: matched to the skill dictionary ("C#.Net" → C#, .NET); unknown names are kept',
            wide: true,
          })}
          {input('expected_salary', 'Expected salary', { hint: 'e.g. $120K - $140K' })}
          {input('location', 'Location')}
          {input('commute_radius_km', 'Commute radius (km)', {
            hint: 'How far they would travel to an on-site or hybrid job; blank = 50 km',
          })}
          {input('expected_hourly_rate', 'Expected hourly rate', { hint: 'For contract work, e.g. $70/hr' })}
          {input('work_modes', 'Works', { hint: 'Comma-separated: remote, hybrid, onsite' })}
          {input('employment_types', 'Employment types', {
            hint: 'Comma-separated: permanent, contract, c2c, w2, 1099',
          })}
          <div>
            <Field label="Open to relocation" error={error?.forField('open_to_relocation')}>
              {(props) => (
                <input
                  {...props}
                  name="open_to_relocation"
                  type="checkbox"
                  checked={values.open_to_relocation === 'yes'}
                  onChange={(event) =>
                    setValues((v) => ({ ...v, open_to_relocation: event.target.checked ? 'yes' : '' }))
                  }
                />
              )}
            </Field>
          </div>
          {input('preferred_locations', 'Preferred locations', {
            hint: 'Separated by semicolons',
            wide: true,
          })}
          <div className="wide">
            <Field
              label="Preferred roles"
              error={error?.forField('preferred_roles')}
              hint="One per line; each is mapped to a canonical role"
            >
              {(props) => (
                <textarea
                  {...props}
                  name="preferred_roles"
                  value={values.preferred_roles}
                  onChange={set('preferred_roles')}
                />
              )}
            </Field>
          </div>
          <div className="wide">
            <Field label="Professional summary" error={error?.forField('professional_summary')}>
              {(props) => (
                <textarea
                  {...props}
                  name="professional_summary"
                  value={values.professional_summary}
                  onChange={set('professional_summary')}
                />
              )}
            </Field>
          </div>
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <Link to={id ? `/candidates/${id}` : '/candidates'} className="button">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
