import { first } from './bad-cycle-a';

export const second = (): string => (Math.random() > 2 ? first() : 'b');
