import { useState } from 'react';
import { put } from '../api';
import { useAuth } from '../auth';
import { useAction, useGet } from '../hooks';
import type { Account } from '../types';
import { ErrorMessage } from './ui';

/** Who owns a candidate; agency admins give it to another user of the agency. */
export function OwnerControl({
  candidateId,
  ownerUserId,
  onChanged,
}: {
  candidateId: number;
  ownerUserId: number | null;
  onChanged: () => void;
}) {
  const { user } = useAuth();
  const isAdmin = user?.role === 'TENANT_ADMIN';
  const users = useGet<{ items: Account[] }>(isAdmin ? '/api/tenant/users' : null);
  const action = useAction();
  const [choice, setChoice] = useState(ownerUserId === null ? '' : String(ownerUserId));

  if (!isAdmin) {
    const label = ownerUserId === null ? 'nobody' : ownerUserId === user?.id ? 'you' : 'another recruiter';
    return <p data-testid="owner">Owner: {label}</p>;
  }
  const agencyUsers = (users.data?.items ?? []).filter((u) => u.is_active && u.role !== 'PM_ADMIN');
  return (
    <form
      className="row"
      aria-label="Candidate owner"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          await put(`/api/candidates/${candidateId}/owner`, {
            owner_user_id: choice === '' ? null : Number(choice),
          });
          onChanged();
        });
      }}
    >
      <label htmlFor="owner-select">Owner</label>
      <select id="owner-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Nobody</option>
        {agencyUsers.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name ?? u.email}
          </option>
        ))}
      </select>
      <button type="submit" className="small" disabled={action.busy}>
        Change owner
      </button>
      <ErrorMessage error={action.error} />
    </form>
  );
}
