import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { type ApiError, del, post, withQuery } from '../api';
import { ErrorMessage, LoadState } from '../components/ui';
import { useGet } from '../hooks';
import { Link, navigate } from '../router';

interface Span {
  start: number;
  end: number;
}
interface DraftField<T> {
  value: T;
  source: Span | null;
  confidence: number;
}
interface Draft {
  first_name: DraftField<string> | null;
  last_name: DraftField<string> | null;
  email: DraftField<string> | null;
  phone: DraftField<string> | null;
  location: DraftField<string> | null;
  current_title: DraftField<string> | null;
  current_employer?: DraftField<string> | null;
  summary: DraftField<string> | null;
  total_experience_years: DraftField<number> | null;
  skills: { name: string; years: number | null; source: Span | null; confidence: number }[];
  work_history: {
    title: DraftField<string> | null;
    employer: DraftField<string> | null;
    start: string;
    end: string | null;
    source: Span;
  }[];
  education: {
    degree: DraftField<string> | null;
    institution: DraftField<string> | null;
    year: number | null;
    source: Span;
  }[];
  suggested_roles?: { role_name: string }[];
}
interface DraftDetail {
  id: number;
  status: string;
  file_name: string;
  resume_file_id: number;
  extracted_text: string;
  draft: Draft;
  duplicates: { id: number; first_name: string; last_name: string; email: string; reason: string }[];
}

const LOW_CONFIDENCE = 0.7;
const FIELDS = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['location', 'Location'],
  ['current_title', 'Current title'],
  ['current_employer', 'Current employer'],
  ['total_experience_years', 'Years of experience'],
] as const;
type FieldName = (typeof FIELDS)[number][0] | 'skills' | 'preferred_roles' | 'professional_summary';

/** The extracted text with one span marked; text only, so resume content is never parsed as HTML. */
function SourceText({ text, span }: { text: string; span: Span | null }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the marked span moved, so scroll it into view
  useEffect(() => {
    document.querySelector('.source-text mark')?.scrollIntoView({ block: 'center' });
  }, [span]);
  if (!span) return <pre className="source-text">{text}</pre>;
  return (
    <pre className="source-text" data-testid="source-text">
      {text.slice(0, span.start)}
      <mark>{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end)}
    </pre>
  );
}

/** Review of a resume draft: the fields beside the extracted text, each field's source highlighted on focus. */
export function ResumeDraftPage({ id }: { id: number }) {
  const loaded = useGet<DraftDetail>(`/api/resume-drafts/${id}`);
  return <LoadState loaded={loaded}>{(detail) => <DraftReview detail={detail} />}</LoadState>;
}

function DraftReview({ detail }: { detail: DraftDetail }) {
  const { draft } = detail;
  const [values, setValues] = useState<Record<FieldName, string>>(() => ({
    first_name: draft.first_name?.value ?? '',
    last_name: draft.last_name?.value ?? '',
    email: draft.email?.value ?? '',
    phone: draft.phone?.value ?? '',
    location: draft.location?.value ?? '',
    current_title: draft.current_title?.value ?? '',
    current_employer: draft.current_employer?.value ?? '',
    total_experience_years: draft.total_experience_years ? String(draft.total_experience_years.value) : '',
    skills: draft.skills.map((skill) => skill.name).join(', '),
    preferred_roles: (draft.suggested_roles ?? []).map((role) => role.role_name).join(', '),
    professional_summary: draft.summary?.value ?? '',
  }));
  const [focused, setFocused] = useState<Span | null>(null);
  const [error, setError] = useState<ApiError>();
  const [duplicateBlocked, setDuplicateBlocked] = useState(false);
  const [saving, setSaving] = useState(false);

  const list = (text: string) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const body = () => ({
    first_name: values.first_name,
    last_name: values.last_name,
    email: values.email,
    phone: values.phone || null,
    location: values.location || null,
    current_title: values.current_title || null,
    current_employer: values.current_employer || null,
    total_experience_years:
      values.total_experience_years === '' ? null : Number(values.total_experience_years),
    skills: list(values.skills),
    preferred_roles: list(values.preferred_roles),
    professional_summary: values.professional_summary || null,
  });
  const save = async (options: { allowDuplicate?: boolean; mergeInto?: number } = {}) => {
    setSaving(true);
    setError(undefined);
    try {
      const candidate = await post<{ id: number }>(
        withQuery(`/api/resume-drafts/${detail.id}/save`, {
          allow_duplicate: options.allowDuplicate ? 'true' : undefined,
        }),
        body(),
      );
      if (options.mergeInto) {
        await post(`/api/candidates/${options.mergeInto}/merge`, { duplicate_id: candidate.id });
        navigate(`/candidates/${options.mergeInto}`);
      } else navigate(`/candidates/${candidate.id}`);
    } catch (reason) {
      const apiError = reason as ApiError;
      if (apiError.status === 409 && detail.duplicates.length > 0) setDuplicateBlocked(true);
      setError(apiError);
    } finally {
      setSaving(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const label = (text: string, field: DraftField<unknown> | null, empty: boolean): ReactNode => (
    <>
      {text}
      {field && field.confidence < LOW_CONFIDENCE ? (
        <span className="badge warn" title={`confidence ${Math.round(field.confidence * 100)} %`}>
          check
        </span>
      ) : null}
      {!field && empty ? <span className="badge muted">not found</span> : null}
    </>
  );
  const input = (name: FieldName, text: string, field: DraftField<unknown> | null, multiline = false) => {
    const props = {
      id: `draft-${name}`,
      value: values[name],
      'data-low-confidence': field && field.confidence < LOW_CONFIDENCE ? 'true' : undefined,
      onFocus: () => setFocused(field?.source ?? null),
      onChange: (event: { target: { value: string } }) =>
        setValues((all) => ({ ...all, [name]: event.target.value })),
    };
    return (
      <div className="field" key={name}>
        <label htmlFor={props.id}>{label(text, field, values[name] === '')}</label>
        {multiline ? <textarea rows={4} {...props} /> : <input {...props} />}
      </div>
    );
  };

  return (
    <section>
      <h1>Review resume: {detail.file_name}</h1>
      <p>
        <a href={`/api/resume-files/${detail.resume_file_id}`}>Download the original</a>
      </p>
      {detail.duplicates.length > 0 ? (
        <div className="alert warn" role="status" data-testid="duplicates">
          Possible duplicate of{' '}
          {detail.duplicates.map((duplicate) => (
            <span key={duplicate.id}>
              <Link to={`/candidates/${duplicate.id}`}>
                {duplicate.first_name} {duplicate.last_name}
              </Link>{' '}
              ({duplicate.reason.replaceAll('_', ' ')}){' '}
              {duplicateBlocked ? (
                <button
                  type="button"
                  className="small"
                  onClick={() => void save({ allowDuplicate: true, mergeInto: duplicate.id })}
                >
                  Merge into {duplicate.first_name} {duplicate.last_name}
                </button>
              ) : null}
            </span>
          ))}
          {duplicateBlocked ? (
            <button type="button" className="small" onClick={() => void save({ allowDuplicate: true })}>
              Keep both (save anyway)
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="review-grid">
        <form onSubmit={submit} aria-label="Draft">
          {FIELDS.map(([name, text]) =>
            input(name, text, (draft[name] ?? null) as DraftField<unknown> | null),
          )}
          {input(
            'skills',
            'Skills (comma-separated)',
            draft.skills[0]
              ? { value: null, source: draft.skills[0].source, confidence: draft.skills[0].confidence }
              : null,
          )}
          {input('preferred_roles', 'Preferred roles (suggested)', null)}
          {input('professional_summary', 'Summary', draft.summary, true)}
          <h2>Work history</h2>
          <ul className="history">
            {draft.work_history.map((entry) => (
              <li key={`${entry.source.start}`}>
                <button type="button" className="link" onClick={() => setFocused(entry.source)}>
                  {entry.title?.value ?? '?'} ({entry.start} – {entry.end ?? 'present'})
                </button>{' '}
                —{' '}
                <button
                  type="button"
                  className="link"
                  data-testid="history-employer"
                  onClick={() => setFocused(entry.employer?.source ?? entry.source)}
                >
                  {entry.employer?.value ?? '?'}
                </button>
                {entry.employer && entry.employer.confidence < LOW_CONFIDENCE ? (
                  <span
                    className="badge warn"
                    title={`confidence ${Math.round(entry.employer.confidence * 100)} %`}
                  >
                    check
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <h2>Education</h2>
          <ul className="history">
            {draft.education.map((entry) => (
              <li key={`${entry.source.start}`}>
                <button type="button" className="link" onClick={() => setFocused(entry.source)}>
                  {entry.degree?.value ?? '?'} — {entry.institution?.value ?? '?'} {entry.year ?? ''}
                </button>
              </li>
            ))}
          </ul>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="submit" disabled={saving || detail.status !== 'pending_review'}>
              Save candidate
            </button>
            <button
              type="button"
              className="secondary"
              disabled={saving || detail.status !== 'pending_review'}
              onClick={() =>
                void del(`/api/resume-drafts/${detail.id}`).then(
                  () => navigate('/candidates/intake'),
                  setError,
                )
              }
            >
              Discard
            </button>
          </div>
        </form>
        <div>
          <h2>Extracted text</h2>
          <SourceText text={detail.extracted_text} span={focused} />
        </div>
      </div>
    </section>
  );
}
