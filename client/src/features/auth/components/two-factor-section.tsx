import { useState } from 'react';

import type { TotpSetupDto } from '@concord/shared';

import { CopyButton } from '@/components/copy-button';
import { ErrorAlert } from '@/components/error-alert';
import { InputField } from '@/components/input-field';
import { Loading } from '@/components/loading';
import { MutationForm } from '@/components/mutation-form';

import { useDisableTotp, useEnableTotp, useStartTotpSetup, useTotpStatus } from '../api/two-factor';

/** Two-factor sign-in on the Account page: set up an authenticator app, see recovery codes once, turn it off. */
export function TwoFactorSection() {
  const status = useTotpStatus();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  return (
    <section className="panel stack" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      <p>
        With two-factor sign-in on, signing in needs your password and a six-digit code from an authenticator app on
        your phone (any app that supports TOTP).
      </p>
      {status.isPending ? <Loading label="Loading two-factor sign-in…" /> : null}
      <ErrorAlert error={status.error} />
      {status.data?.required && !status.data.enabled ? (
        <p className="alert alert--warning" role="status">
          Your role must use two-factor sign-in: set it up here before using the rest of Concord.
        </p>
      ) : null}
      {recoveryCodes ? (
        <RecoveryCodesNotice
          codes={recoveryCodes}
          onDismiss={() => {
            setRecoveryCodes(null);
          }}
        />
      ) : null}
      {status.data && !status.data.enabled ? <SetupForm onEnabled={setRecoveryCodes} /> : null}
      {status.data?.enabled && !recoveryCodes ? (
        <>
          <p className="alert alert--success" role="status">
            Two-factor sign-in is on. Recovery codes left: {status.data.recoveryCodesLeft}.
          </p>
          <DisableForm />
        </>
      ) : null}
    </section>
  );
}

function SetupForm({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const startSetup = useStartTotpSetup();
  const enable = useEnableTotp();
  const [setup, setSetup] = useState<TotpSetupDto | null>(null);
  const [code, setCode] = useState('');

  if (!setup) {
    return (
      <div className="stack">
        <ErrorAlert error={startSetup.error} title="Could not start the set-up" />
        <div>
          <button
            type="button"
            className="button button--primary"
            disabled={startSetup.isPending}
            onClick={() => {
              startSetup.mutate(undefined, { onSuccess: setSetup });
            }}
          >
            Set up two-factor sign-in
          </button>
        </div>
      </div>
    );
  }

  function handleSubmit() {
    // mutateAsync rather than mutate's callbacks: those are dropped if this form unmounts first
    // (the refreshed status says two-factor sign-in is on), and the codes would never be shown.
    enable.mutateAsync({ code: code.trim() }).then(
      ({ recoveryCodes }) => onEnabled(recoveryCodes),
      () => undefined, // shown by the ErrorAlert below
    );
  }

  return (
    <MutationForm
      layout="stack"
      mutation={enable}
      onSubmit={handleSubmit}
      submitLabel="Turn on two-factor sign-in"
      submitClassName="button--primary"
      errorTitle="Could not turn on two-factor sign-in"
    >
      <p>1. Scan this QR code with your authenticator app, or type the key below into it.</p>
      <img className="two-factor__qr" src={setup.qrCode} alt="QR code to add Concord to your authenticator app" />
      <p>
        Key: <code data-testid="totp-secret">{setup.secret}</code> <CopyButton text={setup.secret} label="Copy key" />
      </p>
      <InputField
        id="totp-enable-code"
        label="2. Enter the six-digit code the app shows"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onValue={setCode}
      />
    </MutationForm>
  );
}

function RecoveryCodesNotice({ codes, onDismiss }: { codes: string[]; onDismiss: () => void }) {
  return (
    <div className="alert alert--success stack" role="status">
      <p>
        <strong>Two-factor sign-in is on.</strong> Keep these recovery codes somewhere safe: each one signs you in once
        if you lose your phone. They are shown only now.
      </p>
      <ul className="two-factor__codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="token-reveal">
        <CopyButton text={codes.join('\n')} label="Copy the codes" />
        <button type="button" className="button" onClick={onDismiss}>
          I have saved them
        </button>
      </div>
    </div>
  );
}

function DisableForm() {
  const disable = useDisableTotp();
  const [password, setPassword] = useState('');

  return (
    <MutationForm
      layout="stack"
      mutation={disable}
      onSubmit={() => {
        disable.mutate({ password }, { onSuccess: () => setPassword('') });
      }}
      submitLabel="Turn off two-factor sign-in"
      errorTitle="Could not turn off two-factor sign-in"
    >
      <InputField
        id="totp-disable-password"
        label="Your password, to turn two-factor sign-in off"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
    </MutationForm>
  );
}
