import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SftpClient from 'ssh2-sftp-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent, writeImportFile } from '@kabinet/exchange-1c';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { SftpSource, type SftpOptions } from '../src/modules/exchange/sources/sftp.source';
import { startTestApp, type TestApp } from './helpers';
import { startSshd, type TestSshd } from './sshd';

/**
 * The exchange against a real OpenSSH sshd on 127.0.0.1: what 1C's WinSCP script would see.
 */
describe('SFTP exchange', () => {
  let sshd: TestSshd;
  let t: TestApp;
  let keyDir: string;
  let inbox: string;
  let outbox: string;

  const options = (): SftpOptions => ({
    host: '127.0.0.1',
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.privateKey,
    hostKeySha256: sshd.hostKeySha256,
    inbox,
    outbox,
    connectTimeoutMs: 5000,
  });

  /** 1C's side: a plain SFTP client uploading files. */
  async function upload(files: Record<string, Buffer | string>) {
    const c = new SftpClient();
    await c.connect({
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.username,
      privateKey: sshd.privateKey,
    });
    try {
      for (const [name, data] of Object.entries(files)) {
        await c.put(Buffer.isBuffer(data) ? data : Buffer.from(data), `${inbox}/${name}`);
      }
    } finally {
      await c.end();
    }
  }

  const file = (seed: number) =>
    writeImportFile(generateContent({ customers: 2, seed, idPrefix: `s${seed}` }), {
      generatedAt: '2026-11-23T10:00:00',
    });

  beforeAll(async () => {
    sshd = await startSshd();
    inbox = join(sshd.root, 'inbox');
    outbox = join(sshd.root, 'outbox');
    keyDir = await mkdtemp(join(tmpdir(), 'kabinet-key-'));
    await writeFile(join(keyDir, 'id'), sshd.privateKey, { mode: 0o600 });
    t = await startTestApp({
      env: {
        EXCHANGE_SOURCE: 'sftp',
        SFTP_HOST: '127.0.0.1',
        SFTP_PORT: String(sshd.port),
        SFTP_USERNAME: sshd.username,
        SFTP_PRIVATE_KEY_FILE: join(keyDir, 'id'),
        SFTP_HOST_KEY_SHA256: sshd.hostKeySha256,
        SFTP_INBOX: inbox,
        SFTP_OUTBOX: outbox,
        SFTP_CONNECT_TIMEOUT_MS: '3000',
        EXCHANGE_STABLE_MS: '400',
      },
    });
    // The first cycle creates processing/, processed/, failed/ and the outbox.
    await t.app.get(ExchangeService).runCycle('manual');
  });
  afterAll(async () => {
    await t?.close();
    await sshd?.cleanup();
    await rm(keyDir, { recursive: true, force: true });
  });

  it('imports uploaded files, ignores *.tmp, moves good ones to processed/ and bad ones to failed/', async () => {
    await upload({
      '01-good.xml': file(1),
      '02-bad.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация>\n<Документ>',
      '03-partial.xml.tmp': file(2).subarray(0, 100),
    });
    const result = await t.app.get(ExchangeService).runCycle('manual');
    expect(result!.error).toBeNull();
    expect(result!.files.map((f) => [f.name, f.status])).toEqual([
      ['01-good.xml', 'imported'],
      ['02-bad.xml', 'failed'],
    ]);
    expect(await readdir(inbox)).toContain('03-partial.xml.tmp');
    expect((await readdir(join(inbox, 'processed'))).some((f) => f.endsWith('_01-good.xml'))).toBe(
      true,
    );
    const failed = await readdir(join(inbox, 'failed'));
    const report = failed.find((f) => f.endsWith('_02-bad.xml.error.txt'));
    expect(report).toBeDefined();
    expect(await readFile(join(inbox, 'failed', report!), 'utf8')).toMatch(/Where: line \d+/);
    expect(await t.sql(`SELECT 1 FROM customers WHERE external_id LIKE 's1-%'`)).toHaveLength(2);
  });

  it('leaves a file that is still growing for the next run (size-stable check)', async () => {
    const bytes = file(3);
    await upload({ '04-growing.xml': bytes.subarray(0, 200) });
    // The upload goes on, a few bytes at a time, for as long as the cycle runs (however long a
    // busy machine makes it), and is complete only afterwards.
    let cycleDone = false;
    const cycle = t.app
      .get(ExchangeService)
      .runCycle('manual')
      .finally(() => (cycleDone = true));
    let size = 200;
    while (!cycleDone) {
      await new Promise((r) => setTimeout(r, 50));
      size = Math.min(size + 3, bytes.length - 1);
      await writeFile(join(inbox, '04-growing.xml'), bytes.subarray(0, size));
    }
    const first = await cycle;
    expect(first!.files).toEqual([]);
    await writeFile(join(inbox, '04-growing.xml'), bytes);
    const second = await t.app.get(ExchangeService).runCycle('manual');
    expect(second!.files.map((f) => [f.name, f.status])).toEqual([['04-growing.xml', 'imported']]);
  });

  it('concurrent pollers claim each file exactly once', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `claim-${String(i).padStart(2, '0')}.xml`);
    await upload(Object.fromEntries(names.map((n) => [n, 'x'])));
    const sessions = await Promise.all([0, 1, 2].map(() => new SftpSource(options()).open()));
    try {
      const claims = await Promise.all(
        sessions.map(async (s) => {
          const got: string[] = [];
          for (const n of names) if (await s.claim(n)) got.push(n);
          return got;
        }),
      );
      const all = claims.flat().sort();
      expect(all).toEqual(names);
      // Clean up: not importable files.
      for (const n of names) await sessions[0]!.finish(n, 'failed', n);
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
    }
  });

  it('survives the server going down and picks the files up when it is back', async () => {
    await upload({ '05-later.xml': file(5) });
    await sshd.stop();
    const down = await t.app.get(ExchangeService).runCycle('manual');
    expect(down!.status).toBe('failed');
    expect(down!.error).toMatch(/ECONNREFUSED|connect/i);
    await sshd.start();
    const up = await t.app.get(ExchangeService).runCycle('manual');
    expect(up!.files.map((f) => [f.name, f.status])).toEqual([['05-later.xml', 'imported']]);
    const runs = await t.sql<{ status: string; error: string | null }>(
      `SELECT status, error FROM exchange_runs WHERE id = $1`,
      [down!.runId],
    );
    expect(runs[0]!.error).not.toBeNull();
  });

  it('refuses a server whose host key does not match the pinned fingerprint', async () => {
    const source = new SftpSource({ ...options(), hostKeySha256: `SHA256:${'A'.repeat(43)}` });
    await expect(source.open()).rejects.toThrow();
  });

  it('writes export files to the outbox as *.tmp, then renames them', async () => {
    await t.sql(
      `INSERT INTO exchange_export_changes (kind, payload, created_at)
       VALUES ('offer_request', '{"customerExternalId":"c0a80101-1c00-4d1a-9000-000000000001","offerExternalId":null,"title":"Скидка на цветник","comment":null}', now())`,
    );
    const result = await t.app.get(ExchangeService).runCycle('manual');
    expect(result!.exported).toBe(1);
    const files = await readdir(outbox);
    expect(files).toEqual(['kabinet-000001.xml']);
    expect(await readFile(join(outbox, files[0]!), 'utf8')).toContain('Скидка на цветник');
  });
});
