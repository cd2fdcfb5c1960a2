import type { NetworkDto } from '@concord/shared';

interface NetworkSelectFieldProps {
  id: string;
  networks: readonly NetworkDto[];
  /** The chosen network's id, or '' for the empty choice. */
  value: string;
  onChange: (networkId: string) => void;
  /** What the empty choice means here, e.g. "Choose…" or "All networks of the campaign". */
  emptyLabel: string;
  required?: boolean;
}

/** A labelled choice of one of the campaign's networks. */
export function NetworkSelectField({ id, networks, value, onChange, emptyLabel, required }: NetworkSelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>Network</label>
      <select id={id} required={required} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{emptyLabel}</option>
        {networks.map((network) => (
          <option key={network.id} value={network.id}>
            {network.name}
          </option>
        ))}
      </select>
    </div>
  );
}
