import { PageQueryDto } from '../../common/query.dto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext } from '../auth/auth-context';
import {
  hasReport,
  iso,
  toFile,
  toRun,
  type ExchangeRunPageDto,
  type ExchangeStatusDto,
  type ExportFilePageDto,
  type Row,
} from './exchange.dto';
import { ExchangeService } from './exchange.service';
import { errorReport, importReport, toFileView } from './import-ledger';
import { isImportName, isSafeName } from './sources/source';

/** What the admin "Exchange" page reads and does. */
@Injectable()
export class ExchangeAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exchange: ExchangeService,
  ) {}

  async status(_auth: AuthContext): Promise<ExchangeStatusDto> {
    const rows: Array<{ last: Date | null; checked: Date | null; pending: string }> =
      await this.db.query(
        `SELECT (SELECT max(finished_at) FROM exchange_files WHERE status = 'imported') AS last,
                (SELECT last_checked_at FROM exchange_state WHERE id = 1) AS checked,
                (SELECT count(*) FROM exchange_export_changes WHERE export_file_id IS NULL)
                  AS pending`,
      );
    const { exchange } = this.config;
    return {
      sourceKind: exchange.source.kind,
      sourceLocation: this.exchange.sourceLocation,
      schedule: exchange.schedule ? exchange.pollCron : null,
      running: await this.exchange.isCycleRunning(),
      lastImportAt: iso(rows[0]?.last),
      lastCheckedAt: iso(rows[0]?.checked),
      pendingChanges: Number(rows[0]?.pending ?? 0),
      uploadLimitBytes: exchange.uploadLimitBytes,
    };
  }

  async runs(_auth: AuthContext, query: PageQueryDto): Promise<ExchangeRunPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const runs: Array<Row & { total_count: string }> = await this.db.query(
      // Runs that found nothing to do (earlier versions recorded one a minute) are not shown.
      `SELECT *, count(*) OVER () AS total_count FROM exchange_runs
        WHERE NOT (status = 'succeeded' AND files_imported = 0 AND files_failed = 0
                   AND files_duplicate = 0 AND changes_exported = 0 AND error IS NULL)
        ORDER BY started_at DESC, id LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    const files: Row[] = runs.length
      ? await this.db.query(
          `SELECT * FROM exchange_files WHERE run_id = ANY($1) ORDER BY started_at, name`,
          [runs.map((r) => r.id)],
        )
      : [];
    return {
      items: runs.map((r) => toRun(r, files.filter((f) => f.run_id === r.id).map(toFile))),
      total: Number(runs[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  async exports(_auth: AuthContext, query: PageQueryDto): Promise<ExportFilePageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows: Array<Row & { total_count: string }> = await this.db.query(
      `SELECT *, count(*) OVER () AS total_count FROM exchange_export_files
        ORDER BY number DESC LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        number: r.number as number,
        name: r.name as string,
        changeCount: r.change_count as number,
        status: r.status as 'pending' | 'written',
        createdAt: iso(r.created_at) ?? '',
        writtenAt: iso(r.written_at),
      })),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  private async file(id: string): Promise<Row> {
    const rows: Row[] = await this.db.query('SELECT * FROM exchange_files WHERE id = $1', [id]);
    if (!rows[0]) throw DomainError.notFound('File');
    return rows[0];
  }

  async report(_auth: AuthContext, id: string): Promise<string> {
    const row = await this.file(id);
    if (!hasReport(row)) throw DomainError.notFound('Report');
    return row.status === 'imported' ? importReport(toFileView(row)) : errorReport(toFileView(row));
  }

  /** The original bytes, read back from where the source keeps them (processed/ or failed/). */
  async original(_auth: AuthContext, id: string): Promise<{ name: string; stream: Readable }> {
    const row = await this.file(id);
    if (!row.stored_path) throw DomainError.notFound('Original file');
    const session = await this.exchange.requireSource().open();
    try {
      const stream = await session.readStored(row.stored_path as string);
      stream.once('close', () => void session.close());
      return { name: row.name as string, stream };
    } catch (err) {
      await session.close();
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw DomainError.notFound('Original file');
      }
      throw err;
    }
  }

  /** A file uploaded by hand goes into the inbox like 1C's, then a run starts. */
  async upload(auth: AuthContext, name: string, content: Readable, truncated: () => boolean) {
    const source = this.exchange.requireSource();
    const fields = [];
    if (!isSafeName(name) || !isImportName(name)) {
      fields.push({
        path: 'file',
        message: 'The file name must end with .xml and contain no folders',
      });
    }
    const dir = await mkdtemp(join(tmpdir(), 'kabinet-upload-'));
    try {
      const local = join(dir, 'upload.xml');
      await pipeline(content, createWriteStream(local));
      if (truncated()) {
        throw new DomainError(
          'payload_too_large',
          `The file is larger than ${Math.round(this.config.exchange.uploadLimitBytes / 1048576)} MB`,
        );
      }
      if (fields.length) throw DomainError.validation(fields);
      const session = await source.open();
      try {
        await session.putInbox(name, local);
      } finally {
        await session.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await this.exchange.startCycle('upload').catch((err: unknown) => {
      // A run in progress picks the file up next time; the upload itself succeeded.
      if (!(err instanceof DomainError && err.code === 'conflict')) throw err;
    });
    void auth;
    return { name };
  }
}
