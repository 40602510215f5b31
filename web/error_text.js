// What a failed request means, in the user's language. The server's
// messages are English and name the field; the German view explains the
// common cases itself (by error code and field) and keeps the server's
// words only where it has nothing better.

import {getLanguage, t} from './i18n.js';

// Error codes that say all there is, whatever the field.
const kByCode = {
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  permission_denied: 'error.forbidden',
  not_found: 'error.not_found',
  payload_too_large: 'error.too_large',
  too_large: 'error.too_large',
  insufficient_storage: 'error.disk_full',
  no_space: 'error.disk_full',
  unsupported_format: 'error.unsupported_format',
  unavailable: 'error.unavailable',
  too_many_requests: 'error.too_many_requests',
  internal: 'error.internal',
  precondition_required: 'error.stale',
};

export function errorMessage(error) {
  if (!error) return '';
  const serverText = error.message || String(error);
  if (error.code === 'network') return t('error.network');
  if (getLanguage() !== 'de' || !error.code) return serverText;
  if (error.field) {
    const key = 'error.' + error.code + '.' + error.field;
    if (t(key) !== key) return t(key, {detail: serverText});
  }
  if (kByCode[error.code]) return t(kByCode[error.code]);
  if (error.code === 'invalid_argument') return t('error.invalid', {detail: serverText});
  if (error.code === 'already_exists') return t('error.exists', {detail: serverText});
  if (error.code === 'conflict') return t('error.conflict', {detail: serverText});
  return serverText;
}
