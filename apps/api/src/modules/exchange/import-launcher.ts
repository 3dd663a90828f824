// The app's side: imports a file in a forked import-child.ts, or in this process (import-file.ts).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  STOPPED,
  markFailed,
  type ImportDeps,
  type ImportOutcome,
  type ImportRequest,
} from './import-ledger';
import type { AppConfig } from '../../config/config';
import type { Database } from '../../database/sql';

/** The compiled slim import process; absent when the API runs from TypeScript sources (tests). */
export const WORKER_SCRIPT = join(__dirname, 'import-child.js');

export type ParentMessage =
  | { type: 'import'; databaseUrl: string; request: Omit<ImportRequest, 'signal'> }
  | { type: 'now'; id: number; at: string }
  | { type: 'abort' };

export type WorkerMessage =
  | { type: 'now'; id: number }
  | { type: 'ledger'; fileId: string }
  | { type: 'log'; message: string }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string };

export interface WorkerOptions {
  script: string;
  databaseUrl: string;
  /** V8's old-generation limit of the import process (`--max-old-space-size`), in MB. */
  heapMb: number;
}

/**
 * Young-generation semi-space of the import process, in MB. V8's default (16) lets garbage
 * pile up to ~48 MB between scavenges; parsing makes garbage at a great rate, so a small nursery
 * keeps the peak low for ~5-10% more GC time.
 */
const SEMI_SPACE_MB = 2;
/** After an abort, how long the import process may take to roll back before it is killed. */
const ABORT_GRACE_MS = 15_000;

/**
 * Imports one file in its own slim, heap-capped process (import-child.ts), with the same
 * outcome as `importFile` in-process. The ledger row is written by the child; if the child dies
 * (killed, out of memory) the parent marks that row failed, so the admin page never shows a file
 * "importing" forever. `signal` stops the child, which rolls back.
 */
export function importInWorker(
  deps: Pick<ImportDeps, 'db' | 'now' | 'logError'>,
  options: WorkerOptions,
  request: ImportRequest,
): Promise<ImportOutcome> {
  const { signal, ...plain } = request;
  const child = fork(options.script, [], {
    execArgv: [`--max-old-space-size=${options.heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  let fileId: string | null = null;
  let outcome: ImportOutcome | null = null;
  let failure: string | null = null;
  let aborted = false;
  let killTimer: NodeJS.Timeout | undefined;
  const tell = (message: ParentMessage) => {
    if (child.connected) child.send(message);
  };
  const onAbort = () => {
    aborted = true;
    tell({ type: 'abort' });
    killTimer = setTimeout(() => child.kill('SIGKILL'), ABORT_GRACE_MS);
  };
  tell({ type: 'import', databaseUrl: options.databaseUrl, request: plain });
  signal?.addEventListener('abort', onAbort, { once: true });
  // Stopped already: the import still writes its ledger row, then fails as stopped (as in-process).
  if (signal?.aborted) onAbort();

  child.on('message', (message: WorkerMessage) => {
    switch (message.type) {
      case 'now':
        void Promise.resolve(deps.now()).then((at) =>
          tell({ type: 'now', id: message.id, at: at.toISOString() }),
        );
        break;
      case 'ledger':
        fileId = message.fileId;
        break;
      case 'log':
        deps.logError?.(new Error(message.message), `Import of ${request.name}`);
        break;
      case 'done':
        outcome = message.outcome;
        break;
      case 'error':
        failure = message.message;
        break;
    }
  });

  return new Promise<ImportOutcome>((resolve, reject) => {
    child.once('error', reject);
    // 'close': the process ended and its IPC channel is drained (every message handled).
    child.once('close', (code, exitSignal) => {
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (outcome) return resolve(outcome);
      const why = /heap limit|heap out of memory/i.test(stderr)
        ? `it ran out of memory: its heap is capped at ${options.heapMb} MB (EXCHANGE_IMPORT_HEAP_MB)`
        : exitSignal
          ? `signal ${exitSignal}`
          : `exit code ${code}${failure ? `: ${failure.split('\n')[0]}` : ''}`;
      if (!fileId) {
        return reject(new Error(`The import process stopped before it started (${why})`));
      }
      deps.logError?.(new Error(`${why}\n${stderr}`), `The import process of ${request.name} died`);
      const message = aborted
        ? STOPPED.message
        : `The import process stopped unexpectedly (${why}); nothing was saved`;
      Promise.resolve(deps.now())
        .then((at) =>
          markFailed(deps.db, fileId!, { message, line: null, column: null, element: null }, at),
        )
        .then(resolve, reject);
    });
  });
}

export interface ImporterOptions {
  db: Database;
  now(): Date | Promise<Date>;
  logError?(err: unknown, message: string): void;
  /** Run each import in the slim process (when its compiled script exists)... */
  worker: Omit<WorkerOptions, 'script'> | null;
  /** ...or else in this process: `importFile` of import-file.ts (loaded by the caller). */
  inProcess(): Promise<(deps: ImportDeps, request: ImportRequest) => Promise<ImportOutcome>>;
}

/** One file's import, in the slim process or in this one: the same statements either way. */
export function createImporter(
  options: ImporterOptions,
): (request: ImportRequest) => Promise<ImportOutcome> {
  const { worker, inProcess, ...deps } = options;
  if (worker && existsSync(WORKER_SCRIPT)) {
    return (request) => importInWorker(deps, { ...worker, script: WORKER_SCRIPT }, request);
  }
  return async (request) => (await inProcess())(deps, request);
}

/**
 * The importer as the configuration asks for it: in the slim process with its heap cap
 * (EXCHANGE_IMPORT_WORKER, EXCHANGE_IMPORT_HEAP_MB), else in this one, where import-file.ts is
 * loaded on first use. One place for the API (FileImporterService) and the CLI (`kabinet import`).
 */
export function importerFromConfig(
  config: { exchange: Pick<AppConfig['exchange'], 'importWorker' | 'importHeapMb'> },
  databaseUrl: string,
  options: Omit<ImporterOptions, 'worker' | 'inProcess'>,
): (request: ImportRequest) => Promise<ImportOutcome> {
  return createImporter({
    ...options,
    worker: config.exchange.importWorker
      ? { databaseUrl, heapMb: config.exchange.importHeapMb }
      : null,
    inProcess: async () => (await import('./import-file.js')).importFile,
  });
}
