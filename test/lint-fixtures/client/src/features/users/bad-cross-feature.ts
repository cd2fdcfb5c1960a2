import { respondLabel } from '../respond/respond-label';

export const label = respondLabel;
