import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { DomainError } from './common/domain-error';

/**
 * Reading request bodies: the limits, decoding and error answers that the JSON, text and file
 * parsers share. Every refusal is a DomainError, so the exception filter answers it in the one
 * error format (413 payload_too_large, 400 bad_request naming the problem).
 */

export interface BodyLimit {
  bytes: number;
  /** As the limit is named in the error message ("1mb"). */
  text: string;
}

export function bodyLimit(text: string): BodyLimit {
  const match = /^(\d+)(kb|mb)$/.exec(text);
  if (match === null) throw new Error(`Unreadable body limit ${text}`);
  return { bytes: Number(match[1]) * (match[2] === 'kb' ? 1024 : 1024 * 1024), text };
}

function tooLarge(limit: BodyLimit): DomainError {
  return new DomainError('payload_too_large', `The request body is larger than the limit of ${limit.text}`);
}

/** Compressed request bodies are inflated as they arrive; the limit counts the inflated bytes. */
function decoder(encoding: string): Readable & NodeJS.WritableStream {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new DomainError('bad_request', `Unsupported content encoding "${encoding}"`);
  }
}

/**
 * The whole body, at most `limit` bytes once decoded. A refused body is still read to its end
 * before the answer goes out (and thrown away), so the client is not cut off while it sends.
 */
export function readBody(request: IncomingMessage, limit: BodyLimit): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const refuse = (error: Error, source?: Readable): void => {
      if (settled) return;
      settled = true;
      if (source !== undefined && source !== request) source.destroy();
      request.unpipe();
      request.removeAllListeners('data');
      if (request.readableEnded || request.destroyed) {
        reject(error);
        return;
      }
      request.once('end', () => reject(error));
      request.once('close', () => reject(error));
      request.resume();
    };
    const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    let source: Readable;
    try {
      source = encoding === 'identity' ? request : request.pipe(decoder(encoding));
    } catch (error) {
      refuse(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const declared = Number(request.headers['content-length']);
    if (source === request && Number.isFinite(declared) && declared > limit.bytes) {
      refuse(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    source.on('data', (chunk: Buffer) => {
      if (settled) return;
      length += chunk.length;
      if (length > limit.bytes) {
        refuse(tooLarge(limit), source);
        return;
      }
      chunks.push(chunk);
    });
    source.once('end', () => {
      if (settled) return;
      settled = true;
      const [only, ...more] = chunks;
      resolve(only !== undefined && more.length === 0 ? only : Buffer.concat(chunks, length));
    });
    source.once('error', (error: Error) => {
      refuse(new DomainError('bad_request', `The request body could not be read: ${error.message}`), source);
    });
    if (source !== request) {
      request.once('error', (error: Error) =>
        refuse(new DomainError('bad_request', `The request body could not be read: ${error.message}`), source),
      );
    }
  });
}

/** The charset parameter of a content type, lower-cased; undefined when there is none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** Text bodies in their declared charset (UTF-8 when none is given). */
export function decodeText(body: Buffer, charset = 'utf-8'): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new DomainError('bad_request', `Unsupported charset "${charset.toUpperCase()}"`);
  }
  return decoder.decode(body);
}
