// Einstellungen: for admins the users, custom fields, document and event
// types and the firm's time zone; for everyone their own calendar link and
// API tokens.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {formatDateTime, t} from './i18n.js';
import {currentUser, isAdmin} from './session.js';
import {calendarSection} from './settings_calendar.js';
import {fieldsSection} from './settings_fields.js';
import {historySection, smtpSection} from './settings_mail.js';
import {timeZoneSection} from './settings_time_zone.js';
import {typesSection} from './settings_types.js';

function roleOptions() {
  return ['staff', 'readonly', 'admin'].map((role) => [role, t('role.' + role)]);
}

async function usersSection() {
  const body = el('tbody');
  const secret = el('div', {class: 'notice', 'aria-live': 'polite'});
  async function load() {
    const answer = await api.get('/users');
    fill(body, (answer.items || []).map((u) => el('tr', {dataset: {id: String(u.id)}},
        el('td', {}, u.username), el('td', {}, u.display_name), el('td', {}, t('role.' + u.role)),
        el('td', {}, u.disabled ? t('settings.disabled') : t('settings.active')),
        el('td', {}, formatDateTime(u.created_at)))));
  }
  const {form, submit, values, showError} = simpleForm('user-form', [
    {name: 'username', label: t('settings.username'), required: true},
    {name: 'display_name', label: t('settings.display_name')},
    {name: 'role', label: t('settings.role'), type: 'select', options: roleOptions(), value: 'staff'},
    {name: 'password', label: t('settings.password'), type: 'password', hint: t('settings.password_hint')},
  ], t('settings.add_user'));
  handleSubmit(form, submit, showError, async () => {
    const body = values();
    if (!body.password) delete body.password;
    const answer = await api.post('/users', body);
    form.reset();
    fill(secret, answer.initial_password
        ? el('p', {}, t('settings.generated_password', {user: body.username}), ' ',
            el('code', {}, answer.initial_password)) : null);
    await load();
  });
  await load();
  return el('section', {class: 'card'}, el('h2', {}, t('settings.users')),
      el('div', {class: 'table-wrap'}, el('table', {id: 'user-list', class: 'list'},
          el('thead', {}, el('tr', {}, [t('settings.username'), t('settings.display_name'), t('settings.role'),
            t('settings.status'), t('settings.created')].map((h) => el('th', {scope: 'col'}, h)))), body)),
      el('details', {}, el('summary', {}, t('settings.add_user')), form), secret);
}

async function tokensSection(user) {
  const body = el('tbody');
  const secret = el('div', {class: 'notice', 'aria-live': 'polite'});
  const path = '/users/' + user.id + '/tokens';
  async function load() {
    const answer = await api.get(path);
    fill(body, (answer.items || []).map((token) => {
      const revoke = token.revoked_at ? null : el('button', {type: 'button'}, t('settings.revoke'));
      if (revoke) {
        revoke.addEventListener('click', async () => {
          if (!window.confirm(t('settings.revoke_confirm', {name: token.name}))) return;
          try {
            await api.del('/tokens/' + token.id);
            await load();
          } catch (error) {
            fill(secret, el('p', {class: 'error'}, errorText(error)));
          }
        });
      }
      return el('tr', {}, el('td', {}, token.name), el('td', {}, formatDateTime(token.created_at)),
          el('td', {}, formatDateTime(token.last_used_at) || '—'),
          el('td', {}, token.revoked_at ? t('settings.revoked') : revoke));
    }));
  }
  const {form, submit, values, showError} = simpleForm('token-form', [
    {name: 'name', label: t('settings.token_name'), required: true},
  ], t('settings.create_token'));
  handleSubmit(form, submit, showError, async () => {
    const answer = await api.post(path, values());
    form.reset();
    fill(secret, el('p', {}, t('settings.token_secret'), ' ', el('code', {id: 'token-secret'}, answer.secret || '')));
    await load();
  });
  await load();
  return el('section', {class: 'card'}, el('h2', {}, t('settings.tokens')),
      el('div', {class: 'table-wrap'}, el('table', {id: 'token-list', class: 'list'},
          el('thead', {}, el('tr', {}, [t('settings.token_name'), t('settings.created'), t('settings.last_used'), '']
              .map((h) => el('th', {scope: 'col'}, h)))), body)),
      form, secret);
}

export async function render(view) {
  const root = el('section', {id: 'settings'}, el('h1', {}, t('nav.settings')));
  fill(view, root);
  try {
    const adminSections = [usersSection, fieldsSection, () => typesSection('document'),
      () => typesSection('event'), timeZoneSection, smtpSection, historySection];
    // Everyone's own: the calendar link and API tokens.
    const ownSections = [() => calendarSection(currentUser()), () => tokensSection(currentUser())];
    for (const section of [...(isAdmin() ? adminSections : []), ...ownSections]) {
      root.append(await section());
    }
  } catch (error) {
    root.append(el('p', {class: 'error', role: 'alert'}, errorText(error)));
  }
}
