import { api } from '../api';
import { formatDateTime } from '../format';
import { useAction, useGet } from '../hooks';
import { ErrorMessage } from './ui';

type Frequency = 'off' | 'daily' | 'weekly';

/** The signed-in user's opt-in e-mail digest (new matches of their candidates and application changes). */
export function DigestSetting() {
  const setting = useGet<{ digest: Frequency; digest_sent_at: string | null }>('/api/me/digest');
  const action = useAction();
  const change = (digest: Frequency) =>
    void action.run(async () => {
      await api('PUT', '/api/me/digest', { digest });
      setting.reload();
    });
  return (
    <div className="row" data-testid="digest-setting">
      <label className="row">
        <span>E-mail digest</span>
        <select
          value={setting.data?.digest ?? 'off'}
          disabled={!setting.data || action.busy}
          onChange={(e) => change(e.target.value as Frequency)}
        >
          <option value="off">off</option>
          <option value="daily">daily</option>
          <option value="weekly">weekly</option>
        </select>
      </label>
      {setting.data?.digest_sent_at ? (
        <span className="muted">last sent {formatDateTime(setting.data.digest_sent_at)}</span>
      ) : null}
      <ErrorMessage error={setting.error ?? action.error} />
    </div>
  );
}
