import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './common/domain-error';
import { JSON_CHAR } from './common/json-chars';

/**
 * Request bodies: the JSON, text and file parsers, and the limits, decoding and error answers
 * they share. Every refusal is a DomainError, so the exception filter answers it in the one
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

export const JSON_BODY_LIMIT = '1mb';
export const CSV_BODY_LIMIT = '20mb';
/** Translation files (XLSX, XLIFF) arrive as they are, for the surveys feature to read. */
export const FILE_BODY_LIMIT = '20mb';
const FILE_BODY_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/xliff+xml',
  'application/xml',
  'text/xml',
];

/**
 * Deeper JSON than any request needs (a questionnaire is a dozen levels) is refused before it is
 * parsed: validation, sanitising and hashing walk bodies recursively, and 10,000 levels of
 * nesting would otherwise overflow the stack and answer 500.
 */
export const JSON_MAX_DEPTH = 64;

const {
  openObject: OPEN_BRACE,
  openArray: OPEN_BRACKET,
  closeObject: CLOSE_BRACE,
  closeArray: CLOSE_BRACKET,
} = JSON_CHAR;
const { quote: QUOTE, backslash: BACKSLASH } = JSON_CHAR;

/** One pass over the raw bytes, counting brackets outside strings. */
export function jsonDepthExceeds(body: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Property names that only matter to JavaScript's object model. No Concord field or question may
 * use them; refusing them at parse time keeps them away from every later merge or transform
 * (class-transformer would otherwise drop them silently).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function refuseReservedKeys(key: string, value: unknown): unknown {
  if (RESERVED_KEYS.has(key)) {
    throw new DomainError('bad_request', `Reserved property name "${key}" is not allowed in a request body`);
  }
  return value;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** A JSON body as the API takes it: an object or array, UTF-8, at most JSON_MAX_DEPTH levels deep. */
export function parseJsonBody(body: Buffer, contentType: string | undefined): unknown {
  const charset = charsetOf(contentType);
  if (charset !== undefined && !charset.startsWith('utf-')) {
    throw new DomainError('bad_request', `Unsupported charset "${charset.toUpperCase()}"`);
  }
  let first = 0;
  while (first < body.length && WHITESPACE.has(body.readUInt8(first))) first++;
  // An empty body reads as an empty object, as it always has.
  if (first === body.length) return {};
  const opening = body.readUInt8(first);
  if (opening !== OPEN_BRACE && opening !== OPEN_BRACKET) {
    const token = String.fromCharCode(opening);
    throw new DomainError(
      'bad_request',
      `The request body is not valid JSON: Unexpected token '${token}' at position ${first}, only an object or an array is accepted`,
    );
  }
  if (jsonDepthExceeds(body, JSON_MAX_DEPTH)) {
    throw new DomainError('bad_request', `The request body is nested deeper than ${JSON_MAX_DEPTH} levels`);
  }
  const text = decodeText(body, charset);
  try {
    return JSON.parse(text, refuseReservedKeys) as unknown;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'bad_request',
      `The request body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`,
    );
  }
}

const JSON_LIMIT = bodyLimit(JSON_BODY_LIMIT);
const CSV_LIMIT = bodyLimit(CSV_BODY_LIMIT);
export const FILE_LIMIT = bodyLimit(FILE_BODY_LIMIT);
// application/json and application/*+json, with or without parameters.
const JSON_TYPE = /^application\/([^;\s/]+\+)?json\s*(;|$)/i;

/**
 * The body parsers: JSON, text (CSV) and files, each with its own limit; a body of any other type
 * is read and left out (the route then sees no body), as it always was.
 */
export function registerBodyParsers(instance: FastifyInstance): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(JSON_TYPE, async (request: FastifyRequest, payload: IncomingMessage) =>
    parseJsonBody(await readBody(payload, JSON_LIMIT), request.headers['content-type']),
  );
  instance.addContentTypeParser(['text/csv', 'text/plain'], async (request: FastifyRequest, payload: IncomingMessage) =>
    decodeText(await readBody(payload, CSV_LIMIT), charsetOf(request.headers['content-type'])),
  );
  instance.addContentTypeParser(FILE_BODY_TYPES, async (_request: FastifyRequest, payload: IncomingMessage) =>
    readBody(payload, FILE_LIMIT),
  );
  instance.addContentTypeParser('*', async (_request: FastifyRequest, payload: IncomingMessage) => {
    await readBody(payload, FILE_LIMIT);
    return undefined;
  });
}
