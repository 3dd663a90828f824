import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';

/** A real OpenSSH server on 127.0.0.1 for the SFTP tests (Debian's openssh-server). */
export interface TestSshd {
  port: number;
  username: string;
  /** The client's private key (the server trusts it). */
  privateKey: Buffer;
  /** The server's host key fingerprint, `SHA256:...`. */
  hostKeySha256: string;
  /** A folder the tests use as the SFTP root for inbox/outbox (absolute paths over SFTP too). */
  root: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  cleanup(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

function keygen(path: string) {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr || r.error?.message}`);
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export async function startSshd(): Promise<TestSshd> {
  const dir = await mkdtemp(join(tmpdir(), 'kabinet-sshd-'));
  await chmod(dir, 0o755);
  keygen(join(dir, 'host_key'));
  keygen(join(dir, 'client_key'));
  await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')));
  const root = join(dir, 'sftp');
  await mkdir(root);
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  if (process.getuid?.() === 0) await mkdir('/run/sshd', { recursive: true });
  const fp = spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'host_key.pub')], {
    encoding: 'utf8',
  });
  const hostKeySha256 = /SHA256:[A-Za-z0-9+/]+/.exec(fp.stdout)?.[0] ?? '';
  let child: ChildProcess | null = null;
  let stderr = '';

  const start = async () => {
    child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 100; i++) {
      if (await listening(port)) return;
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`sshd did not start (is openssh-server installed?): ${stderr}`);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 100 && (await listening(port)); i++) await sleep(50);
  };
  await start();
  return {
    port,
    username: userInfo().username,
    privateKey: await readFile(join(dir, 'client_key')),
    hostKeySha256,
    root,
    start,
    stop,
    cleanup: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
