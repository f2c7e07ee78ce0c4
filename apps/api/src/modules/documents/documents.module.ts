import { createFileStore, fileStoreConfigFromEnv, type FileStore } from '@motcua/files';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type ApiConfig } from '../../config/config.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService, FILE_STORE } from './documents.service.js';
import { VerifyService } from './verify.service.js';
import { ResumableUploadService } from './resumable-upload.service.js';
import { VerifyController } from './verify.controller.js';

@Module({
  controllers: [DocumentsController, VerifyController],
  providers: [
    // The config is the only reader of the environment; the store takes the variables it validated.
    { provide: FILE_STORE, inject: [CONFIG], useFactory: (c: ApiConfig) => createFileStore(fileStoreConfigFromEnv(c as unknown as Record<string, string | undefined>, c.FILES_DIR)) },
    DocumentsService,
    VerifyService,
    ResumableUploadService,
  ],
  exports: [FILE_STORE, DocumentsService, VerifyService],
})
export class DocumentsModule implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORE) private readonly store: FileStore) {}
  async onApplicationShutdown() {
    await this.store.close();
  }
}
