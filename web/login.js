// The login form. Wrong username and wrong password get one message (the
// server does not say which); too many attempts say how long to wait.

import {el, errorText, fill} from './dom.js';
import {t} from './i18n.js';
import * as session from './session.js';

function messageFor(error) {
  if (error.status === 401) return t('login.wrong');
  if (error.status === 429) {
    const seconds = error.retryAfter || (/(\d+) seconds/.exec(error.message) || [])[1] || '60';
    return t('login.too_many', {seconds});
  }
  if (error.status === 0) return t('error.network');
  if (error.status === 400 && error.field) return t('login.missing_' + error.field);
  return errorText(error);
}

// onLoggedIn(next) is called with the hash to go to afterwards.
export function render(view, params, onLoggedIn) {
  const username = el('input', {
    id: 'login-username', name: 'username', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false',
  });
  const password = el('input', {
    id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true,
  });
  const submit = el('button', {id: 'login-submit', type: 'submit', class: 'primary'}, t('login.submit'));
  const error = el('p', {id: 'login-error', class: 'error', role: 'alert'});
  if (params.get('expired')) error.textContent = t('login.expired');

  const form = el('form', {id: 'login', class: 'login card', novalidate: true},
      el('h1', {}, t('login.title')),
      el('label', {for: 'login-username'}, t('login.username')), username,
      el('label', {for: 'login-password'}, t('login.password')), password,
      error, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      error.textContent = t('login.missing');
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    try {
      await session.logIn(username.value.trim(), password.value);
      onLoggedIn(params.get('next'));
    } catch (failure) {
      error.textContent = messageFor(failure);
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });

  fill(view, el('div', {class: 'login-page'}, form));
  username.focus();
}
