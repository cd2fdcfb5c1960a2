import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migrate';
import { DemoDataService } from '../demo';
import { failCommand, readCommandConfig, withCommandDatabase } from './cli-database';

/** `npm run demo:remove`: the admin page's "Remove demo data", from the command line. */
async function main(): Promise<void> {
  const config = readCommandConfig('demo:remove');
  await withCommandDatabase(config, async (url) => {
    await runMigrations(url);
    const dataSource = new DataSource(dataSourceOptions(url, { max: 2 }));
    await dataSource.initialize();
    const audit = new AuditService(dataSource);
    await audit.onModuleInit();
    try {
      const result = await new DemoDataService(dataSource, audit).remove(null);
      const { removed, kept } = result;
      console.log(
        `Removed the demo data: ${removed.campaigns} campaign(s) with their links and responses, ${removed.members} member(s), ` +
          `${removed.users} staff account(s), ${removed.charters} charter(s).`,
      );
      if (kept.campaigns + kept.members + kept.users > 0) {
        console.log(
          `Kept because real data refers to them: ${kept.campaigns} campaign(s), ${kept.members} member(s), ${kept.users} account(s).`,
        );
      }
    } finally {
      await audit.onModuleDestroy();
      await dataSource.destroy();
    }
  });
}

main().catch((error: unknown) => failCommand('demo:remove', error instanceof Error ? error.message : String(error)));
