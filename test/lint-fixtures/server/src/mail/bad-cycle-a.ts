import { second } from './bad-cycle-b';

export const first = (): string => `a${second()}`;
