// Runs an embedded PostgreSQL cluster in its own process, driven over stdin ("stop", "start",
// "exit"), so that a test can take the database away from a running server and bring it back.
// It loads the built server code: `npm run build` first (npm test does).
const { join } = require('node:path');
const readline = require('node:readline');

const built = join(__dirname, '..', '..', 'server', 'dist', 'server', 'src', 'database', 'embedded-postgres.js');
let embedded;
try {
  embedded = require(built);
} catch {
  console.error(`cluster-process: ${built} is missing; run npm run build first`);
  process.exit(2);
}

async function main() {
  const cluster = await embedded.startEmbeddedCluster({ baseDir: process.argv[2] });
  const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');
  send({ event: 'ready', adminUrl: cluster.adminUrl, port: cluster.port });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line === 'stop') {
      await cluster.stop();
      send({ event: 'stopped' });
    } else if (line === 'start') {
      await cluster.restart();
      send({ event: 'started' });
    } else if (line === 'exit') {
      break;
    }
  }
  await cluster.stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(`cluster-process: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
