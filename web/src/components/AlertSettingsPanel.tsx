import { type FormEvent, useEffect, useState } from 'react';
import { put } from '../api';
import { useAction, useGet } from '../hooks';
import { ErrorMessage, Field } from './ui';

interface AlertSettings {
  stage_limit_days: number;
  rescore_margin: number;
}

/** The agency's alert settings: how long an application may wait in a stage, and when a match is re-announced. */
export function AlertSettingsPanel() {
  const settings = useGet<AlertSettings>('/api/settings/alerts');
  const [days, setDays] = useState('');
  const [margin, setMargin] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (!settings.data) return;
    setDays(String(settings.data.stage_limit_days));
    setMargin(String(settings.data.rescore_margin));
  }, [settings.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await put('/api/settings/alerts', { stage_limit_days: Number(days), rescore_margin: Number(margin) });
      setSaved(true);
      settings.reload();
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alerts</h2>
      <div className="form-grid">
        <Field
          label="Days an application may wait in one stage"
          error={action.error?.forField('stage_limit_days')}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={365}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Score rise that announces a match again"
          error={action.error?.forField('rescore_margin')}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              max={100}
              step="0.5"
              value={margin}
              onChange={(e) => setMargin(e.target.value)}
            />
          )}
        </Field>
      </div>
      <ErrorMessage error={action.error ?? settings.error} />
      {saved ? (
        <p className="alert success" role="status">
          Alert settings saved.
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        Save alert settings
      </button>
    </form>
  );
}
