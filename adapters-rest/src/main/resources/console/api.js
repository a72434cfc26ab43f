// The console's only way to the server: the same /api/v0 endpoints any client calls. Adds the
// session's CSRF token to changes and turns the MSR error shape into an ApiError whose messages
// can be shown next to the fields they name.

let csrfToken = null;
let onUnauthenticated = () => {};

export function useCsrfToken(token) {
  csrfToken = token;
}

/** For the API explorer, whose own requests must carry it too. */
export function currentCsrfToken() {
  return csrfToken;
}

/** Called when the server no longer recognises the session (it expired or was ended). */
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

export class ApiError extends Error {
  constructor(status, errors) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
    /** field name → message, for errors that name a field (detail.field). */
    this.fields = {};
    for (const e of errors) {
      const field = e.detail && e.detail.field;
      if (field && !this.fields[field]) this.fields[field] = e.message;
    }
  }

  /** Messages that name no field shown on the form, for a summary above it. */
  unplaced(shownFields) {
    return this.errors
      .filter((e) => !(e.detail && shownFields.includes(e.detail.field)))
      .map((e) => e.message);
  }
}

/**
 * api('GET', '/api/v0/webhooks', {query: {pageSize: 20}}) → {data, status, nextPageStart}
 * Throws ApiError for any non-2xx answer.
 */
export async function api(method, path, {body, query} = {}) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, v);
  }
  const url = params.toString() ? `${path}?${params}` : path;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, [{code: 'NETWORK', message: 'Hooklift did not answer; check the connection and try again', detail: {}}]);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) {
    const errors = data && Array.isArray(data.errors) && data.errors.length
      ? data.errors.map((e) => ({code: String(e.code || ''), message: String(e.message || ''), detail: e.detail || {}}))
      : [{code: `HTTP_${response.status}`, message: `The server answered ${response.status}`, detail: {}}];
    const error = new ApiError(response.status, errors);
    if (response.status === 401 && path !== '/api/v0/sessions') onUnauthenticated();
    throw error;
  }
  return {data, status: response.status, nextPageStart: response.headers.get('X-Next-Page-Start')};
}

/** Encodes one path segment (names are plain, but never trust that). */
export function seg(value) {
  return encodeURIComponent(value);
}
