import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { BLOB_STORE, type BlobStore } from './blob-store';
import { BlobSweeper } from './blob-sweeper';
import { LocalDiskStore } from './local-disk-store';
import { UploadsService } from './uploads.service';

/** The blob store for the configured driver (`STORAGE_DRIVER`; an S3 one would go here). */
export function createBlobStore(config: AppConfig['storage']): BlobStore {
  switch (config.driver) {
    case 'local':
      return new LocalDiskStore(config.dir);
  }
}

/**
 * Uploaded files: the `BlobStore` (`BLOB_STORE`), `UploadsService` (accept, discard, send) and
 * `BlobSweeper` (housekeeping). A feature with attachments imports this module; who may upload
 * or read a file is the feature's decision, what a file may be is this module's.
 */
@Module({
  providers: [
    {
      provide: BLOB_STORE,
      useFactory: (config: AppConfig) => createBlobStore(config.storage),
      inject: [APP_CONFIG],
    },
    UploadsService,
    BlobSweeper,
  ],
  exports: [BLOB_STORE, UploadsService, BlobSweeper],
})
export class StorageModule {}
