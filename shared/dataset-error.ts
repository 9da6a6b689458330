import type { UserFacingError } from './api';

/** A problem in the user's data (not a bug): the message names the file, and the line and column when known. */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
    readonly column: string | null = null,
  ) {
    super(message);
  }

  toUserFacing(): UserFacingError {
    return { message: this.message, file: this.file, line: this.line, column: this.column };
  }
}
