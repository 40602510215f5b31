// Who is signed in. The session itself is the HttpOnly cookie; the page
// only keeps the user and the CSRF token the server gave it.

import * as api from './api.js';

let user = null;

export function currentUser() {
  return user;
}

// readonly users see no edit buttons (the server refuses anyway).
export function canWrite() {
  return !!user && user.role !== 'readonly';
}

export function isAdmin() {
  return !!user && user.role === 'admin';
}

// Asks the server whether the cookie still holds a session; true if so.
export async function check() {
  try {
    const answer = await api.get('/session', undefined, {quiet401: true});
    user = answer.user;
    api.setCsrfToken(answer.csrf_token);
    return true;
  } catch (error) {
    if (error.status === 401) {
      user = null;
      return false;
    }
    throw error;
  }
}

// Throws ApiError (401 wrong credentials, 429 with retryAfter).
export async function logIn(username, password) {
  const answer = await api.post('/session', {username, password}, {quiet401: true});
  user = answer.user;
  api.setCsrfToken(answer.csrf_token);
  return user;
}

export async function logOut() {
  try {
    await api.del('/session', {quiet401: true});
  } finally {
    forget();
  }
}

// After a 401: the server no longer knows us.
export function forget() {
  user = null;
  api.setCsrfToken(null);
}
