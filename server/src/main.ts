import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { UsersService } from './auth/users.service';
import { SEED_COMMITTEE } from './charter/charter-seed.content';
import { demoStaffPassword } from './common/demo-password';
import { type AppConfig, ConfigError, readConfig } from './config/app-config';
import { loadSecrets } from './config/secrets';
import { configureApp, createAdapter } from './configure-app';
import { connectDatabase } from './database/connect';
import { runMigrations } from './database/migrate';
import { framed } from './startup-banner';

function fail(message: string): never {
  console.error(`Concord cannot start: ${message}`);
  process.exit(1);
}

/** The demo committee accounts (SEED_DEMO), which sign in with one shared demo password. */
function demoStaffLines(config: AppConfig): string[] {
  if (!config.seedDemo) return [];
  return [
    '',
    'Demo staff accounts (SEED_DEMO), to try the drafting committee:',
    ...SEED_COMMITTEE.map((member) => `  ${member.email}${member.chair === true ? '   (chair)' : ''}`),
    `  password: ${demoStaffPassword(config.secrets.linkSecret)}`,
  ];
}

/** Every interface, IPv6 included where the machine has it (as Node's own default does). */
async function listenOnAllInterfaces(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    if ((error as { code?: string }).code !== 'EAFNOSUPPORT') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

async function main(): Promise<void> {
  let baseConfig: Omit<AppConfig, 'secrets'>;
  let config: AppConfig;
  try {
    baseConfig = readConfig(process.env);
    config = { ...baseConfig, secrets: loadSecrets(process.env, baseConfig.dataDir) };
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const { url, cluster } = await connectDatabase(config);
  const applied = await runMigrations(url);
  if (applied.length > 0) console.log(`Applied ${applied.length} database migration(s): ${applied.join(', ')}`);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ ...config, databaseUrl: url }),
    createAdapter(config),
    { bodyParser: false, bufferLogs: true },
  );
  await configureApp(app, config);
  await app.init();
  const admin = await app.get(UsersService).ensureInitialAdmin(config.adminEmail, config.adminPassword);
  await listenOnAllInterfaces(app, config.port);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping Concord …`);
    await app.close();
    await cluster?.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

  const lines = [
    '',
    `Concord is running at ${config.publicUrl}`,
    `  API documentation: ${config.publicUrl}/api/docs`,
    `  Database: ${cluster === null ? 'external PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${cluster.clusterDir}`}`,
  ];
  if (config.clientDir === null)
    lines.push('  The web client is not built: run `npm run build` (npm start does it for you).');
  console.log(lines.join('\n') + '\n');
  if (admin !== null) {
    console.log(
      framed([
        'First start: an administrator account was created.',
        '',
        `  e-mail:   ${admin.email}`,
        admin.generatedPassword === null
          ? '  password: the one in ADMIN_PASSWORD'
          : `  password: ${admin.generatedPassword}`,
        '',
        admin.generatedPassword === null
          ? `Sign in at ${config.publicUrl}/login.`
          : `Shown only this once. Sign in at ${config.publicUrl}/login and change it on the Account page.`,
        ...demoStaffLines(config),
      ]),
    );
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
