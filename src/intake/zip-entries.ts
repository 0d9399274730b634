import { unzipSync } from 'fflate';
import { ExtractionError } from './extraction-error.js';

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' unpacked sizes. */
  maxUnpackedBytes: number;
  /** Entries to keep (others are skipped without unpacking). */
  accept?: (name: string) => boolean;
}

/**
 * The files of a zip archive, unpacked within limits against zip bombs: the entry count and the sum of the
 * declared sizes are checked before each entry is inflated, and inflating writes into a buffer of the declared
 * size, so an entry that lies about its size is cut there instead of growing.
 */
export function readZipEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  let count = 0;
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        if (limits.accept && !limits.accept(file.name)) return false;
        count++;
        unpacked += file.originalSize;
        if (count > limits.maxEntries) {
          throw new ExtractionError(`The archive holds more than ${limits.maxEntries} files.`);
        }
        if (unpacked > limits.maxUnpackedBytes) {
          throw new ExtractionError(
            `The archive unpacks to more than ${Math.round(limits.maxUnpackedBytes / 1024 / 1024)} MB.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError('The zip archive is damaged and could not be unpacked.');
  }
  return Object.entries(files).map(([name, data]) => ({ name, data }));
}
