const { startEmbeddedCluster, ensureDatabase } = require('./embedded-postgres.js');
(async () => {
  const dir = process.argv[2];
  const t = Date.now();
  const c = await startEmbeddedCluster({ baseDir: dir, log: (l) => console.log('LOG', l.slice(0,150)) });
  console.log('started in', Date.now() - t, c.adminUrl, c.clusterDir);
  await ensureDatabase(c.adminUrl, 'concord');
  await c.stop();
  console.log('stopped');
})().catch(e => { console.error('ERR', e); process.exit(1); });
