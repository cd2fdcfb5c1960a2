import type { ButtonHTMLAttributes } from 'react';

interface SmallButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'> {
  /** The button's weight: secondary for side actions, primary for the main one, danger for what removes. */
  variant?: 'secondary' | 'primary' | 'danger';
}

/** A small button that acts on what it stands beside ("History", "Cancel", "Revoke"); never submits. */
export function SmallButton({ variant = 'secondary', ...button }: SmallButtonProps) {
  return <button {...button} type="button" className={`button button--small button--${variant}`} />;
}
