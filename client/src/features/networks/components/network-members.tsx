import { useId, useState, type SubmitEvent } from 'react';

import type { EraseResponseMode, NetworkDto, NetworkMemberDto } from '@concord/shared';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';
import { useCurrentUser } from '@/lib/current-user';
import { formatCount } from '@/utils/format';

import { useNetworkMembers } from '../api/get-network-members';
import { useImportMembers } from '../api/import-members';
import { useEraseMember, useExportMember } from '../api/member-privacy';

/** Admin only: the erase confirmation for one member, with the choice of what happens to their responses. */
function EraseMemberForm({ member, onDone }: { member: NetworkMemberDto; onDone: () => void }) {
  const id = useId();
  const erase = useEraseMember();
  const [mode, setMode] = useState<EraseResponseMode>('anonymise');
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    erase.mutate({ memberId: member.id, responses: mode }, { onSuccess: onDone });
  }
  return (
    <form className="panel stack" aria-labelledby={`${id}-heading`} onSubmit={handleSubmit}>
      <h3 id={`${id}-heading`}>Erase {member.name}?</h3>
      <p>
        Their name, e-mail address, personal links and the mail sent to them are removed for good. This cannot be
        undone.
      </p>
      <fieldset>
        <legend>Their responses</legend>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            value="anonymise"
            checked={mode === 'anonymise'}
            onChange={() => setMode('anonymise')}
          />{' '}
          Keep them without identity (they still count in the results)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            value="delete"
            checked={mode === 'delete'}
            onChange={() => setMode('delete')}
          />{' '}
          Delete them
        </label>
      </fieldset>
      <div className="inline-form">
        <button type="submit" className="button button--danger" disabled={erase.isPending}>
          Erase {member.name}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={erase.error} title="Could not erase the member" />
    </form>
  );
}

const CSV_EXAMPLE =
  'name,email,country,role,language\nAziz Karimov,aziz@example.org,Uzbekistan,National Focal Point,ru';

function ImportForm({ network }: { network: NetworkDto }) {
  const id = useId();
  const importMembers = useImportMembers(network.id);
  const [csv, setCsv] = useState('');
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    importMembers.mutate(csv);
  }
  const result = importMembers.data;
  return (
    <form className="stack" onSubmit={handleSubmit}>
      <Field id={`${id}-file`} label="CSV file (header name,email,country,role,language)">
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void file.text().then(setCsv);
          }}
        />
      </Field>
      <Field id={`${id}-text`} label="or paste the CSV">
        <textarea
          id={`${id}-text`}
          rows={6}
          placeholder={CSV_EXAMPLE}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
      </Field>
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={csv.trim() === '' || importMembers.isPending}
        >
          Import into {network.name}
        </button>
      </div>
      <ErrorAlert error={importMembers.error} title="Could not import" />
      {result !== undefined ? (
        <div className={result.errors.length > 0 ? 'alert alert--warning' : 'alert alert--success'} role="status">
          <p>
            {formatCount(result.created)} added, {formatCount(result.updated)} updated
            {result.errors.length > 0 ? `, ${formatCount(result.errors.length)} line(s) skipped:` : '.'}
          </p>
          {result.errors.length > 0 ? (
            <ul>
              {result.errors.map((error) => (
                <li key={error.line}>
                  line {error.line}: {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** Members of one network, with CSV import; e-mail identifies a member across imports. */
export function NetworkMembers({ networks }: { networks: NetworkDto[] }) {
  const id = useId();
  const [networkId, setNetworkId] = useState<string | null>(networks[0]?.id ?? null);
  const members = useNetworkMembers(networkId);
  const network = networks.find((candidate) => candidate.id === networkId);
  const isAdmin = useCurrentUser().role === 'admin';
  const exportMember = useExportMember();
  const [erasing, setErasing] = useState<NetworkMemberDto | null>(null);
  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Members</h2>
      <Field id={`${id}-network`} label="Network">
        <select id={`${id}-network`} value={networkId ?? ''} onChange={(event) => setNetworkId(event.target.value)}>
          {networks.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </Field>
      <ErrorAlert error={members.error} title="Could not load the members" />
      {members.isFetching && members.data === undefined ? <Loading /> : null}
      {members.data !== undefined && members.data.length === 0 ? <p className="muted">No members yet.</p> : null}
      {members.data !== undefined && members.data.length > 0 ? (
        <DataTable
          label="Members"
          columns={['Name', 'E-mail', 'Country', 'Role', 'Language', isAdmin && 'Personal data']}
        >
          {members.data.map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.name}</th>
              <td>{member.email}</td>
              <td>{member.country}</td>
              <td>{member.role}</td>
              <td>{member.language}</td>
              {isAdmin ? (
                <td className="data-table__actions">
                  <div className="inline-form">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={exportMember.isPending}
                      onClick={() => exportMember.mutate(member.id)}
                      aria-label={`Export the data held on ${member.name}`}
                    >
                      Export
                    </button>
                    <SmallButton
                      variant="danger"
                      onClick={() => setErasing(member)}
                      aria-label={`Erase ${member.name}`}
                    >
                      Erase…
                    </SmallButton>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      <ErrorAlert error={exportMember.error} title="Could not export the member's data" />
      {erasing !== null ? <EraseMemberForm key={erasing.id} member={erasing} onDone={() => setErasing(null)} /> : null}
      {network !== undefined ? <ImportForm network={network} /> : null}
    </section>
  );
}
