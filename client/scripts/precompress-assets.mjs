// Writes a Brotli (.br) and a gzip (.gz) copy beside every built script and stylesheet of at least
// 1 KiB under dist/assets, for the server to send as they are (server/src/static-assets.ts).
// It runs after `vite build` rather than as a plugin of it: compressing at the highest levels takes
// seconds, which the bundler would otherwise report as a slow plugin at every build.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const assetsDir = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const MIN_BYTES = 1024;

const names = (await readdir(assetsDir)).filter((name) => /\.(js|css)$/.test(name));
// Compressed on libuv's thread pool, several files at once.
await Promise.all(
  names.map(async (name) => {
    const source = await readFile(join(assetsDir, name));
    if (source.length < MIN_BYTES) return;
    const [br, gz] = await Promise.all([
      brotli(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length } }),
      gzipped(source, { level: 9 }),
    ]);
    await Promise.all([writeFile(join(assetsDir, `${name}.br`), br), writeFile(join(assetsDir, `${name}.gz`), gz)]);
  }),
);
