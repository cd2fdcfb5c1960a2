import type { Response, Test } from 'supertest';

/** A supertest parser that collects the whole body as one Buffer, whatever its content type. */
export function bufferBody(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The request with its body read as bytes (XLSX, DOCX, SAV and exact CSV bytes), in `response.body`. */
export function asBinary(request: Test): Test {
  return request.buffer(true).parse(bufferBody);
}
