import { type FormEvent, useState } from 'react';
import { post } from '../api';
import { type PlacementResult, RATE_PERIODS } from '../day-types';
import { formatMoney, formatScore } from '../format';
import { useAction } from '../hooks';
import type { Application } from '../types';
import { ErrorMessage, Field } from './ui';

/** Accepting an offer: start date, pay rate, bill rate (contract) or fee (permanent); the server computes the margin. */
export function PlacementForm({
  application,
  onDone,
  onCancel,
}: {
  application: Application;
  onDone: (result: PlacementResult) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<'contract' | 'permanent'>('contract');
  const [startDate, setStartDate] = useState(new Date().toISOString().slice(0, 10));
  const [currency, setCurrency] = useState('USD');
  const [period, setPeriod] = useState<(typeof RATE_PERIODS)[number]>('hour');
  const [pay, setPay] = useState('');
  const [other, setOther] = useState('');
  const [closeJob, setCloseJob] = useState(true);
  const action = useAction();
  const payRate = Number(pay);
  const otherAmount = Number(other);
  const preview =
    pay !== '' && other !== '' && Number.isFinite(payRate) && Number.isFinite(otherAmount)
      ? kind === 'contract'
        ? {
            margin: otherAmount - payRate,
            percent: otherAmount > 0 ? ((otherAmount - payRate) / otherAmount) * 100 : null,
          }
        : { margin: otherAmount, percent: payRate > 0 ? (otherAmount / payRate) * 100 : null }
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const result = await post<PlacementResult>(`/api/applications/${application.id}/placement`, {
        start_date: startDate,
        currency,
        rate_period: kind === 'permanent' ? 'year' : period,
        pay_rate: payRate,
        ...(kind === 'contract' ? { bill_rate: otherAmount } : { fee: otherAmount }),
        close_job: closeJob,
      });
      onDone(result);
    });
  };

  return (
    <form
      className="panel dialog-form"
      onSubmit={submit}
      aria-labelledby="placement-title"
      data-testid="placement-form"
    >
      <h2 id="placement-title">
        Record the placement of {application.candidate_name} in {application.job_title}
      </h2>
      <div className="row">
        <label className="row">
          <input
            type="radio"
            name="kind"
            checked={kind === 'contract'}
            onChange={() => setKind('contract')}
          />
          <span>Contract (bill rate)</span>
        </label>
        <label className="row">
          <input
            type="radio"
            name="kind"
            checked={kind === 'permanent'}
            onChange={() => setKind('permanent')}
          />
          <span>Permanent (fee)</span>
        </label>
      </div>
      <div className="form-grid">
        <Field label="Start date" error={action.error?.forField('start_date')}>
          {(props) => (
            <input
              {...props}
              type="date"
              required
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
            />
          )}
        </Field>
        <Field label="Currency" error={action.error?.forField('currency')}>
          {(props) => (
            <input
              {...props}
              required
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        {kind === 'contract' ? (
          <Field label="Per">
            {(props) => (
              <select {...props} value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
                {RATE_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field
          label={kind === 'contract' ? 'Pay rate' : 'Annual salary'}
          error={action.error?.forField('pay_rate')}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              step="0.01"
              required
              value={pay}
              onChange={(e) => setPay(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={kind === 'contract' ? 'Bill rate' : 'Fee'}
          error={action.error?.forField(kind === 'contract' ? 'bill_rate' : 'fee')}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              step="0.01"
              required
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
          )}
        </Field>
      </div>
      <p data-testid="margin-preview">
        Margin:{' '}
        {preview
          ? `${formatMoney(preview.margin, currency.length === 3 ? currency : 'USD')}${preview.percent === null ? '' : ` (${formatScore(preview.percent)}%)`}`
          : '—'}
      </p>
      <label className="row">
        <input type="checkbox" checked={closeJob} onChange={(e) => setCloseJob(e.target.checked)} />
        <span>Close this job for our agency</span>
      </label>
      <ErrorMessage error={action.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={action.busy}>
          Accept offer and record placement
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
