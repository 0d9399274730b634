import { containsApiKeyLike } from './api-key.js';

/** Query parameter names clients commonly (and wrongly) put credentials in. */
const CREDENTIAL_PARAMS = new Set(['api_key', 'apikey', 'api-key', 'key', 'token', 'access_token']);

function queryParams(url: string): URLSearchParams | undefined {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? undefined : new URLSearchParams(url.slice(queryStart + 1));
}

const isCredentialParam = (name: string, value: string) =>
  (CREDENTIAL_PARAMS.has(name.toLowerCase()) && value !== '') ||
  containsApiKeyLike(value) ||
  containsApiKeyLike(name);

/** True when the query string carries a credential: a well-known parameter name, or a key-like value. */
export function urlCarriesCredential(url: string): boolean {
  const params = queryParams(url);
  return params !== undefined && [...params].some(([name, value]) => isCredentialParam(name, value));
}

/** The URL with credential-like query values replaced, for logging (e.g. in a pino `req` serializer). */
export function redactCredentialsInUrl(url: string): string {
  const params = queryParams(url);
  if (!params || !urlCarriesCredential(url)) return url;
  const redacted = [...params].map(([name, value]): [string, string] =>
    isCredentialParam(name, value)
      ? [containsApiKeyLike(name) ? '[redacted]' : name, '[redacted]']
      : [name, value],
  );
  return `${url.slice(0, url.indexOf('?'))}?${new URLSearchParams(redacted).toString()}`;
}
