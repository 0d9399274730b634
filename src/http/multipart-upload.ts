import { createReadStream, type ReadStream } from 'node:fs';
import type { SavedMultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * The one file of a multipart upload with every form field, wherever the fields came in the body: the file
 * is spooled to a temporary file (removed when the answer is sent), so options sent after the file part count
 * like those before it. Too large a file is a 413; no file a 400.
 */
export async function uploadedFile(
  request: FastifyRequest,
  field: string,
): Promise<SavedMultipartFile & { open(): ReadStream }> {
  let files: SavedMultipartFile[];
  try {
    files = (await request.saveRequestFiles()).files;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'payload_too_large',
        'The file is larger than the import limit; nothing past it was read.',
      );
    }
    throw error;
  }
  const file = files[0];
  if (!file) throw new AppError('bad_request', `No file in the upload (field "${field}").`);
  return Object.assign(file, { open: () => createReadStream(file.filepath) });
}
