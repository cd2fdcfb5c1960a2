import type { DiffOp } from '@concord/shared';

/** Word-level changes inline: insertions in <ins>, deletions in <del>, the Markdown source as written. */
export function DiffOpsView({ ops }: { ops: readonly DiffOp[] }) {
  return (
    <span className="charter-ops">
      {ops.map((op, index) => {
        switch (op.op) {
          case 'equal':
            return <span key={index}>{op.text}</span>;
          case 'insert':
            return <ins key={index}>{op.text}</ins>;
          case 'delete':
            return <del key={index}>{op.text}</del>;
        }
      })}
    </span>
  );
}
