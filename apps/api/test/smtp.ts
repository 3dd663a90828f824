import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/** A message the test SMTP server accepted, as mailparser read it. */
export interface ReceivedMail {
  seq: number;
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** Who logged in (AUTH), if anyone. */
  user: string | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  messageId: string | null;
  /** The `X-Kabinet-Delivery` header: the delivery's id. */
  delivery: string | null;
}

/** A real SMTP server (the `smtp-server` package) in a child process on 127.0.0.1. */
export interface TestSmtp {
  port: number;
  /** Every message received since the last `clear()`, in order. */
  messages(): Promise<ReceivedMail[]>;
  clear(): Promise<void>;
  /** (Re)starts it on the same port; `delayMs` holds each message before accepting it. */
  start(options?: { delayMs?: number }): Promise<void>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startSmtp(
  options: { delayMs?: number; user?: string; password?: string } = {},
): Promise<TestSmtp> {
  const dir = await mkdtemp(join(tmpdir(), 'kabinet-smtp-'));
  const port = await freePort();
  let child: ChildProcess | null = null;

  let delayMs = options.delayMs ?? 0;
  const start = async (restart: { delayMs?: number } = {}) => {
    delayMs = restart.delayMs ?? delayMs;
    const c = spawn(
      process.execPath,
      [
        join(__dirname, 'smtp-sink.mjs'),
        String(port),
        dir,
        String(delayMs),
        options.user ?? '',
        options.password ?? '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = c;
    let stderr = '';
    c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`SMTP server did not start: ${stderr}`)),
        10_000,
      );
      c.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`SMTP server exited (${code}): ${stderr}`));
      });
    });
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await exited;
  };
  const messages = async () => {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    return Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as ReceivedMail),
    );
  };
  const clear = async () => {
    for (const n of await readdir(dir)) await rm(join(dir, n), { force: true });
  };
  await start();
  return {
    port,
    messages,
    clear,
    start,
    stop,
    cleanup: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
