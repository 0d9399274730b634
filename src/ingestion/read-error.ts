/**
 * A problem that makes the whole file unreadable (empty, no header, not an array, binary, wrong encoding).
 * Problems confined to one row are reported as error items instead, and reading goes on.
 */
export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}
