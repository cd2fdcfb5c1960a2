import { useState, type SubmitEvent } from 'react';

import { STAFF_ROLES, type StaffRole } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { roleLabel } from '@/lib/roles';

import { useSetTotpPolicy, useTotpPolicy } from '../api/totp-policy';

/** Which roles must use two-factor sign-in; their members set it up at their next sign-in. */
export function TotpPolicyPanel() {
  const policy = useTotpPolicy();
  return (
    <section className="panel stack" aria-labelledby="totp-policy-heading">
      <h2 id="totp-policy-heading">Two-factor sign-in</h2>
      <p>
        Members of the roles ticked here must use two-factor sign-in. Those who have not set it up are asked to do so at
        their next sign-in, before they can do anything else.
      </p>
      {policy.isPending ? <Loading label="Loading the two-factor policy…" /> : null}
      <ErrorAlert error={policy.error} />
      {policy.data ? (
        <PolicyForm key={policy.data.requiredRoles.join(',')} initial={policy.data.requiredRoles} />
      ) : null}
    </section>
  );
}

function PolicyForm({ initial }: { initial: StaffRole[] }) {
  const setPolicy = useSetTotpPolicy();
  const [roles, setRoles] = useState<StaffRole[]>(initial);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setPolicy.mutate({ requiredRoles: roles });
  }

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <fieldset className="stack">
        <legend>Roles that must use two-factor sign-in</legend>
        {STAFF_ROLES.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(event) => {
                setRoles((current) =>
                  event.target.checked ? [...current, role] : current.filter((other) => other !== role),
                );
              }}
            />{' '}
            {roleLabel(role)}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={setPolicy.error} title="Could not save the policy" />
      {setPolicy.isSuccess ? (
        <p className="alert alert--success" role="status">
          Saved.
        </p>
      ) : null}
      <div>
        <button type="submit" className="button button--primary" disabled={setPolicy.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}
