// Generates a migration from the difference between the entities and the migrated schema, or
// (with `check`) fails when that difference is not empty. Runs against a throw-away embedded
// PostgreSQL, so it needs nothing but the built server.
//   node scripts/migration.mjs generate <Name>
//   node scripts/migration.mjs check
import { mkdtempSync, chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'server', 'dist', 'server', 'src', 'database');
const { DataSource } = require('typeorm');
const { dataSourceOptions } = require(join(dist, 'data-source-options.js'));
const { startEmbeddedCluster, ensureDatabase } = require(join(dist, 'embedded-postgres.js'));

const [command, name] = process.argv.slice(2);
if (!['generate', 'check'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]*$/.test(name ?? ''))) {
  console.error('usage: migration.mjs generate <PascalCaseName> | migration.mjs check');
  process.exit(2);
}

const base = mkdtempSync(join(tmpdir(), 'concord-migration-'));
chmodSync(base, 0o755);
const cluster = await startEmbeddedCluster({ baseDir: base });
let exitCode = 0;
try {
  await ensureDatabase(cluster.adminUrl, 'concord_migration_test');
  const dataSource = new DataSource(dataSourceOptions(cluster.urlFor('concord_migration_test'), { max: 2 }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (command === 'check') {
    if (upQueries.length > 0) {
      console.error('The entities differ from the migrations; run `npm run migration:generate -- <Name>`. Missing:');
      for (const query of upQueries) console.error(`  ${query.query};`);
      exitCode = 1;
    } else {
      console.log('Migrations are up to date with the entities.');
    }
  } else if (upQueries.length === 0) {
    console.log('Nothing to generate: the migrations already match the entities.');
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (sql) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const lines = (queries) =>
      queries
        .map(
          (q) =>
            `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
        )
        .join('\n');
    const file = `${timestamp}-${name}`;
    writeFileSync(
      join(root, 'migrations', `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  public async up(queryRunner: QueryRunner): Promise<void> {\n${lines(upQueries)}\n  }\n\n` +
        `  public async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...downQueries].reverse())}\n  }\n}\n`,
    );
    const indexPath = join(root, 'migrations', 'index.ts');
    const index = readFileSync(indexPath, 'utf8').split('\n');
    const lastImport = index.map((line) => line.startsWith('import ')).lastIndexOf(true);
    index.splice(lastImport + 1, 0, `import { ${className} } from './${file}';`);
    index.splice(index.lastIndexOf('];'), 0, `  ${className},`);
    writeFileSync(indexPath, index.join('\n'));
    console.log(`Wrote migrations/${file}.ts (${upQueries.length} statements); review it before committing.`);
  }
} finally {
  await cluster.stop();
  rmSync(base, { recursive: true, force: true });
}
process.exit(exitCode);
