import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ClusterProcess {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  exit(): Promise<void>;
}

/** An embedded cluster in a child process (see cluster-process-main.cjs). */
export async function startClusterProcess(baseDir: string): Promise<ClusterProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    join(__dirname, 'cluster-process-main.cjs'),
    baseDir,
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(message: Record<string, string>) => void> = [];
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    waiting.shift()?.(JSON.parse(line) as Record<string, string>);
  });
  const next = (): Promise<Record<string, string>> =>
    new Promise((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`cluster process exited (${code}): ${stderr}`)));
    });
  const ready = await next();
  const adminUrl = ready.adminUrl;
  const command = async (text: string, expected: string): Promise<void> => {
    const answer = next();
    child.stdin.write(`${text}\n`);
    const message = await answer;
    if (message.event !== expected) throw new Error(`cluster process answered ${JSON.stringify(message)}`);
  };
  return {
    adminUrl,
    urlFor: (database) => {
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      return url.toString();
    },
    stop: () => command('stop', 'stopped'),
    start: () => command('start', 'started'),
    exit: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.write('exit\n');
      }),
  };
}
