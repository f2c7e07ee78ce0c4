/** The bytes read back no longer hash to the address they were stored under (disk or bucket corrupted or changed). */
export class IntegrityError extends Error {
  readonly code = 'file_integrity';
  constructor(readonly sha256: string, readonly actual: string) {
    super(`Stored file ${sha256} is corrupted: its bytes now hash to ${actual}`);
    this.name = 'IntegrityError';
  }
}

/** A write went past the limit given to put(); nothing is kept. */
export class FileTooLargeError extends Error {
  readonly code = 'file_too_large';
  constructor(readonly limitBytes: number) {
    super(`File is larger than the limit of ${limitBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** No file is stored under that hash. */
export class FileNotFoundError extends Error {
  readonly code = 'file_not_found';
  constructor(readonly sha256: string) {
    super(`No stored file ${sha256}`);
    this.name = 'FileNotFoundError';
  }
}
