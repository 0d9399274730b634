/** The browser's client of the public HTTP API: session cookie, CSRF header on writes, problem+json errors. */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one form field (`body.email` and `email` both name the field `email`). */
  forField(name: string): string | undefined {
    return this.fieldErrors.find(
      (e) => e.field === name || e.field.endsWith(`.${name}`) || e.field.startsWith(`body.${name}.`),
    )?.message;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can show the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: { detail?: string; title?: string; code?: string; errors?: FieldError[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not problem+json: the status text says enough.
  }
  return new ApiError(
    response.status,
    body.detail ?? body.title ?? `${response.status} ${response.statusText}`,
    body.code,
    Array.isArray(body.errors) ? body.errors : [],
  );
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** The API's paging (`page` from 1, `page_size`) for a page of `pageSize` items starting at `offset`. */
export function pageOf(pageSize: number, offset = 0): { page: number; page_size: number } {
  return { page: Math.floor(offset / pageSize) + 1, page_size: pageSize };
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/**
 * A multipart upload (field "file") reporting its progress from 0 to 1. Other `fields` go before the
 * file, so a server reading the stream sees them first; empty ones are left out.
 */
export function upload<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
  fields: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'The upload failed: network error.', undefined, []));
    xhr.onload = () => {
      onProgress(1);
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) resolve(response.json() as Promise<T>);
      else void toApiError(response).then(reject);
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) if (value !== '') form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}
