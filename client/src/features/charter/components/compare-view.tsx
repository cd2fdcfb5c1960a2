import type { ClauseDiffDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';

import { useDiff } from '../api/get-diff';
import { useRevision } from '../api/get-revision';
import { exportUrl } from '../api/export-url';

import { DiffOpsView } from './diff-ops-view';
import { RevisionPicker } from './revision-picker';
import { SideBySideDiff } from './side-by-side-diff';

export type CompareLayout = 'inline' | 'side';

const STATUS_LABEL: Record<ClauseDiffDto['status'], string> = {
  added: 'Added',
  removed: 'Removed',
  modified: 'Modified',
  moved: 'Moved',
  unchanged: 'Unchanged',
};

function ClauseChange({ entry }: { entry: ClauseDiffDto }) {
  const badge = (
    <span className={`badge charter-status charter-status--${entry.status}`}>
      {STATUS_LABEL[entry.status]}
      {entry.moved === true ? ', moved' : ''}
    </span>
  );
  switch (entry.status) {
    case 'added':
      return (
        <section className="charter-clause">
          <h3>
            <ins>{entry.heading}</ins> {badge}
          </h3>
          <p className="charter-ops">
            <ins>{entry.body}</ins>
          </p>
        </section>
      );
    case 'removed':
      return (
        <section className="charter-clause">
          <h3>
            <del>{entry.heading}</del> {badge}
          </h3>
          <p className="charter-ops">
            <del>{entry.body}</del>
          </p>
        </section>
      );
    case 'modified':
      return (
        <section className="charter-clause">
          <h3>
            {entry.headingOps === undefined ? entry.heading : <DiffOpsView ops={entry.headingOps} />} {badge}
          </h3>
          <p className="charter-ops">
            <DiffOpsView ops={entry.ops ?? []} />
          </p>
        </section>
      );
    case 'moved':
    case 'unchanged':
      return (
        <section className="charter-clause charter-clause--quiet">
          <h3>
            {entry.heading} {badge}
          </h3>
        </section>
      );
  }
}

interface CompareViewProps {
  charterId: string;
  head: number;
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
  layout: CompareLayout;
  onLayout: (layout: CompareLayout) => void;
}

export function CompareView({ charterId, head, from, to, onChange, layout, onLayout }: CompareViewProps) {
  const diff = useDiff(charterId, from, to);
  const older = useRevision(charterId, layout === 'side' ? from : null);
  const newer = useRevision(charterId, layout === 'side' ? to : null);
  return (
    <div className="stack">
      <div className="inline-form">
        <RevisionPicker label="From" head={head} value={from} onChange={(value) => onChange(value, to)} />
        <RevisionPicker label="To" head={head} value={to} onChange={(value) => onChange(from, value)} />
        <a className="button button--small button--secondary" href={exportUrl(charterId, 'html', to, from)}>
          Redline HTML
        </a>
        <a className="button button--small button--secondary" href={exportUrl(charterId, 'docx', to, from)}>
          Redline DOCX (tracked changes)
        </a>
      </div>
      <div className="inline-form" role="group" aria-label="Layout">
        {(
          [
            ['inline', 'Inline'],
            ['side', 'Side by side'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            className={`button button--small ${layout === value ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={layout === value}
            onClick={() => onLayout(value)}
          >
            {label}
          </button>
        ))}
      </div>
      {diff.isPending ? <Loading /> : null}
      <ErrorAlert error={diff.error ?? older.error ?? newer.error} />
      {layout === 'inline'
        ? diff.data?.clauses.map((entry) => <ClauseChange key={`${entry.id}-${entry.status}`} entry={entry} />)
        : null}
      {layout === 'side' && diff.data !== undefined && older.data !== undefined && newer.data !== undefined ? (
        <SideBySideDiff
          from={from}
          to={to}
          older={older.data.clauses}
          newer={newer.data.clauses}
          clauses={diff.data.clauses}
        />
      ) : null}
    </div>
  );
}
