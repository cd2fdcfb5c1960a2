// Every migration, oldest first. `npm run migration:generate -- <Name>` appends to this list.
import type { MigrationInterface } from 'typeorm';
import { Init1795243310482 } from './1795243310482-Init';

export const ALL_MIGRATIONS: Array<new () => MigrationInterface> = [
  Init1795243310482,
];
