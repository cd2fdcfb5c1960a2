import type { ButtonHTMLAttributes } from 'react';

/** A small secondary button that acts on what it stands beside ("History", "Cancel", "Format"); never submits. */
export function SmallButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'>) {
  return <button {...props} type="button" className="button button--small button--secondary" />;
}
