// The import child process's entry script, forked by import-launcher.ts: pg + import-file.ts.
//
// The slim import process: `fork`ed by import-launcher.ts for one file, it loads `pg`, the 1C
// format library and import-file.ts — not Nest, not TypeORM — so its memory starts near 50 MB
// and its heap is capped. It keeps every guarantee of the in-process import (import-file.ts is
// the same code): one transaction per file, the ledger, progress, errors with lines.
//
// It asks its parent for "now" (the app's clock), reports the ledger row's id (so the parent can
// mark the file failed should this process die), and answers the outcome. When the parent goes
// away (killed), this process exits at once: its open transaction rolls back with its connection.
import { Pool } from 'pg';
import { pgDatabase } from '../../database/sql';
import { importFile } from './import-file';
import type { ImportRequest } from './import-ledger';
import type { ParentMessage, WorkerMessage } from './import-launcher';

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

const clockRequests = new Map<number, (at: Date) => void>();
let nextRequest = 0;
const abort = new AbortController();
let finished = false;

function now(): Promise<Date> {
  const id = ++nextRequest;
  return new Promise<Date>((resolve) => {
    clockRequests.set(id, resolve);
    void send({ type: 'now', id });
  });
}

async function run(databaseUrl: string, request: Omit<ImportRequest, 'signal'>): Promise<void> {
  // Two connections: the import's transaction, and the progress bar's updates beside it.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 2,
    application_name: 'kabinet-import',
  });
  try {
    const outcome = await importFile(
      {
        db: pgDatabase(pool),
        now,
        logError: (err, message) =>
          void send({ type: 'log', message: `${message}: ${(err as Error).stack ?? String(err)}` }),
        onLedgerRow: (fileId) => void send({ type: 'ledger', fileId }),
      },
      { ...request, signal: abort.signal },
    );
    await send({ type: 'done', outcome });
  } finally {
    await pool.end();
  }
}

process.on('disconnect', () => {
  // The parent is gone: stop now; PostgreSQL rolls the transaction back when the socket closes.
  if (!finished) process.exit(70);
});

process.on('message', (message: ParentMessage) => {
  switch (message.type) {
    case 'import':
      run(message.databaseUrl, message.request).then(
        () => {
          finished = true;
          process.disconnect();
        },
        async (err: unknown) => {
          await send({ type: 'error', message: (err as Error).stack ?? String(err) });
          process.exit(1);
        },
      );
      break;
    case 'now':
      clockRequests.get(message.id)?.(new Date(message.at));
      clockRequests.delete(message.id);
      break;
    case 'abort':
      abort.abort();
      break;
  }
});
