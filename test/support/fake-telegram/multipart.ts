/**
 * Request body decoding: JSON, multipart/form-data (grammY's own encoder writes compact, unquoted headers
 * such as `content-disposition:form-data;name="x";filename=photo.jpg`, so this parser is lenient) and
 * url-encoded forms / query strings, the three ways the Bot API accepts parameters.
 */

/** A file part of a multipart upload. Appears in recorded payloads in place of the uploaded field. */
export interface UploadedFile {
  kind: 'upload';
  /** Name of the multipart part (grammY uses a random id referenced as `attach://<id>`). */
  part: string;
  filename: string;
  size: number;
  contentType?: string;
  /** The uploaded bytes (non-enumerable, so recorded payloads compare and print as before). */
  readonly data?: Buffer;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'upload';
}

export interface DecodedBody {
  /** True when values arrived as strings (multipart, url-encoded, query) and need coercion. */
  form: boolean;
  fields: Record<string, unknown>;
  uploads: Map<string, UploadedFile>;
}

export class BodyDecodeError extends Error {}

export function decodeBody(
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): DecodedBody {
  const type = (contentType ?? '').toLowerCase();
  const uploads = new Map<string, UploadedFile>();
  const queryFields = Object.fromEntries(query.entries());
  if (body.length === 0) return { form: true, fields: queryFields, uploads };
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyDecodeError("Bad Request: can't parse JSON encoded request body");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new BodyDecodeError('Bad Request: JSON request body must be an object');
    }
    return { form: false, fields: { ...queryFields, ...(parsed as Record<string, unknown>) }, uploads };
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) throw new BodyDecodeError('Bad Request: multipart boundary is missing');
    const fields: Record<string, unknown> = { ...queryFields };
    for (const part of splitMultipart(body, value)) {
      if (part.filename !== undefined) {
        const file: UploadedFile = {
          kind: 'upload',
          part: part.name,
          filename: part.filename,
          size: part.data.length,
          ...(part.contentType ? { contentType: part.contentType } : {}),
        };
        Object.defineProperty(file, 'data', { value: Buffer.from(part.data), enumerable: false });
        uploads.set(part.name, file);
      } else {
        fields[part.name] = part.data.toString('utf8');
      }
    }
    return { form: true, fields, uploads };
  }
  const form = new URLSearchParams(body.toString('utf8'));
  return { form: true, fields: { ...queryFields, ...Object.fromEntries(form.entries()) }, uploads };
}

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new BodyDecodeError('Bad Request: malformed multipart body');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), pos);
    if (next < 0) throw new BodyDecodeError('Bad Request: malformed multipart body');
    const chunk = body.subarray(pos, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new BodyDecodeError('Bad Request: malformed multipart part');
    const headers = chunk.subarray(0, headerEnd).toString('utf8').split('\r\n');
    const part: Part = { name: '', data: chunk.subarray(headerEnd + 4) };
    for (const line of headers) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        part.name = headerParam(value, 'name') ?? '';
        const filename = headerParam(value, 'filename');
        if (filename !== undefined) part.filename = filename;
      } else if (key === 'content-type') {
        part.contentType = value;
      }
    }
    if (part.name) parts.push(part);
    pos = next + 2;
  }
  return parts;
}

function headerParam(header: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}=(?:"([^"]*)"|([^;]*))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? '').trim() : undefined;
}
