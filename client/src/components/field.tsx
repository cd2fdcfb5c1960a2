import type { ReactNode } from 'react';

/** A labelled control in the form layout: the label for `id`, then `children` (the control and what goes under it). */
export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
