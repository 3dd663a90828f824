import { PageQueryDto } from '../../common/query.dto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext } from '../auth/auth-context';
import {
  hasReport,
  iso,
  toExportFile,
  toFile,
  toRun,
  type ExchangeRunPageDto,
  type ExchangeStatusDto,
  type ExportFilePageDto,
} from './exchange.dto';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeService } from './exchange.service';
import { ExportsRepository } from './exports.repository';
import { errorReport, importReport, toFileView } from './import-ledger';
import type { ExchangeFileRow } from './import-ledger.repository';
import { isImportName, isSafeName } from './sources/source';

/** What the admin "Exchange" page reads and does. */
@Injectable()
export class ExchangeAdminService {
  constructor(
    private readonly repo: ExchangeRepository,
    private readonly exportFiles: ExportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exchange: ExchangeService,
  ) {}

  async status(_auth: AuthContext): Promise<ExchangeStatusDto> {
    const row = await this.repo.status();
    const { exchange } = this.config;
    return {
      sourceKind: exchange.source.kind,
      sourceLocation: this.exchange.sourceLocation,
      schedule: exchange.schedule ? exchange.pollCron : null,
      running: await this.exchange.isCycleRunning(),
      lastImportAt: iso(row?.last),
      lastCheckedAt: iso(row?.checked),
      pendingChanges: Number(row?.pending ?? 0),
      uploadLimitBytes: exchange.uploadLimitBytes,
    };
  }

  async runs(_auth: AuthContext, query: PageQueryDto): Promise<ExchangeRunPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const runs = await this.repo.runsPage(pageSize, (page - 1) * pageSize);
    const files = runs.length ? await this.repo.filesOfRuns(runs.map((r) => r.id)) : [];
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
    const rows = await this.exportFiles.page(pageSize, (page - 1) * pageSize);
    return {
      items: rows.map(toExportFile),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  private async file(id: string): Promise<ExchangeFileRow> {
    const row = await this.repo.file(id);
    if (!row) throw DomainError.notFound('File');
    return row;
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
      const stream = await session.readStored(row.stored_path);
      stream.once('close', () => void session.close());
      return { name: row.name, stream };
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
