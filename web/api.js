// The one way the page talks to the server: JSON in and out, the CSRF
// token on every change, errors as ApiError, 412 as a conflict object.

const kBase = '/api/v1';
let csrfToken = null;

// Set from the login answer or GET /session; sent on every non-GET.
export function setCsrfToken(token) {
  csrfToken = token || null;
}

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field || null;
  }
}

// Called on a 401 from any request but the login itself; app.js points it
// at the login page ("session expired").
let onUnauthorized = () => {};
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

function errorFrom(status, body, fallback) {
  const e = body && body.error;
  if (e) return new ApiError(status, e.code, e.message, e.field);
  return new ApiError(status, 'http_' + status, fallback || 'HTTP ' + status, null);
}

async function readBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// request('GET', '/customers', {query: {filter: 'x'}})
// request('PATCH', '/customers/1', {body: {...}, ifMatch: 3})
// Resolves to the parsed answer; on 412 to {conflict: true, current, error}.
// options.quiet401: do not leave the page on 401 (the boot check, login).
export async function request(method, path, options = {}) {
  let url = kBase + path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  const headers = {Accept: 'application/json'};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch !== undefined && options.ifMatch !== null) {
    headers['If-Match'] = '"' + options.ifMatch + '"';
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch (err) {
    throw new ApiError(0, 'network', err.message || 'network error', null);
  }
  const body = await readBody(response);
  if (response.ok) return body;
  if (response.status === 412 && body && body.current) {
    return {conflict: true, current: body.current, error: body.error};
  }
  const error = errorFrom(response.status, body, response.statusText);
  if (response.status === 429) {
    error.retryAfter = parseInt(response.headers.get('Retry-After') || '0', 10) || null;
  }
  if (response.status === 401 && !options.quiet401) onUnauthorized();
  throw error;
}

export const get = (path, query, options = {}) => request('GET', path, {...options, query});
export const post = (path, body, options = {}) => request('POST', path, {...options, body});
export const put = (path, body, options = {}) => request('PUT', path, {...options, body});
export const patch = (path, body, options = {}) => request('PATCH', path, {...options, body});
export const del = (path, options = {}) => request('DELETE', path, options);

// Multipart upload with progress, which fetch cannot report.
// fields go first: the server reads the target before the files.
// Resolves to the answer (the new documents); rejects with ApiError.
export function upload(fields, files, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined && value !== null && value !== '') form.append(key, String(value));
    }
    for (const file of files) form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', kBase + '/documents');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      if (xhr.status === 401) onUnauthorized();
      reject(errorFrom(xhr.status, body, xhr.statusText));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'network error', null)));
    xhr.send(form);
  });
}

export function contentUrl(documentId, inline) {
  return kBase + '/documents/' + documentId + '/content' + (inline ? '?inline=true' : '');
}

// The account statement as a download (csv) or a printable page (html); a
// plain link, sent with the session cookie like the documents' content.
export function statementUrl(customerId, format) {
  return kBase + '/customers/' + customerId + '/statement?format=' + format;
}
