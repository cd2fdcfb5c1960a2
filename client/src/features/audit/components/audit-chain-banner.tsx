import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';
import { formatCount } from '@/utils/format';

import { useAuditVerification } from '../api/verify-audit-chain';

export function AuditChainBanner() {
  const verification = useAuditVerification();

  const recheck = (
    <SmallButton
      disabled={verification.isFetching}
      onClick={() => {
        void verification.refetch();
      }}
    >
      {verification.isFetching ? 'Verifying…' : 'Verify again'}
    </SmallButton>
  );

  if (verification.isPending) return <Loading label="Verifying the audit chain…" />;
  if (verification.isError) {
    return (
      <div className="audit-banner">
        <ErrorAlert error={verification.error} title="Could not verify the audit chain" />
        {recheck}
      </div>
    );
  }

  const result = verification.data;
  return (
    <div className="audit-banner">
      {result.ok ? (
        <p className="alert alert--success" role="status">
          <span aria-hidden="true">✓ </span>
          Audit chain intact — {formatCount(result.events)} events
        </p>
      ) : (
        <p className="alert alert--error" role="alert">
          <span aria-hidden="true">⚠ </span>
          <strong>Audit chain broken at event #{result.brokenAt}</strong>. Events from that one on may have been altered
          or removed outside Concord.
        </p>
      )}
      {recheck}
    </div>
  );
}
