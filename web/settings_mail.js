// Einstellungen (admins): "E-Mail-Versand (SMTP)", the firm's mail server
// through which akte writes email from the customer file, and
// "Historien-Einstellungen", whether emails, SMS and calls are recorded in
// the history automatically, after asking for a note, or not at all. Each
// setting is saved with the version it was read at (If-Match); the
// password is never shown, only whether one is stored.

import * as api from './api.js';
import {el} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {t} from './i18n.js';

const kSmtpKeys = ['host', 'port', 'security', 'username', 'password', 'from'];
const kHistoryKeys = ['email', 'sms', 'call'];

// key → {value, version, secret} of every setting.
async function readSettings() {
  const answer = await api.get('/settings');
  const settings = {};
  for (const s of answer.items || []) settings[s.key] = s;
  return settings;
}

// Saves the settings whose value changed; the form's field names the key
// of one that is refused. `changed` maps the setting key to its new value.
async function saveChanged(settings, changed, fieldOf) {
  for (const [key, value] of Object.entries(changed)) {
    const current = settings[key];
    let answer;
    try {
      answer = await api.put('/settings/' + key, {value},
          {ifMatch: current && current.version ? current.version : undefined});
    } catch (error) {
      if (error.field === key) error.field = fieldOf(key);
      throw error;
    }
    if (answer && answer.conflict) {
      // Changed by someone else meanwhile: theirs stays until saved again.
      settings[key] = answer.current;
      throw Object.assign(new Error(t('settings.mail_conflict', {key})), {field: fieldOf(key)});
    }
    settings[key] = answer;
  }
}

export async function smtpSection() {
  const settings = await readSettings();
  const value = (name) => (settings['smtp.' + name] || {}).value || '';
  const passwordHint = () => (settings['smtp.password'] || {}).secret
    ? t('settings.smtp_password_set') : t('settings.smtp_password_unset');
  const {form, submit, inputs, values, showError, clearErrors} = simpleForm('smtp-form', [
    {name: 'host', label: t('settings.smtp_host'), value: value('host'), hint: t('settings.smtp_host_hint')},
    {name: 'port', label: t('settings.smtp_port'), value: value('port'), hint: t('settings.smtp_port_hint')},
    {name: 'security', label: t('settings.smtp_security'), type: 'select', value: value('security') || 'starttls',
      options: ['starttls', 'tls', 'none'].map((s) => [s, t('settings.smtp_' + s)])},
    {name: 'username', label: t('settings.smtp_username'), value: value('username')},
    {name: 'password', label: t('settings.smtp_password'), type: 'password', hint: passwordHint()},
    {name: 'from', label: t('settings.smtp_from'), value: value('from'), hint: t('settings.smtp_from_hint')},
  ], t('settings.smtp_save'));
  const status = el('p', {id: 'smtp-status', class: 'notice', 'aria-live': 'polite'});
  handleSubmit(form, submit, showError, async () => {
    status.textContent = '';
    const v = values();
    const changed = {};
    for (const name of kSmtpKeys) {
      if (name === 'password' ? v.password !== '' : v[name] !== value(name)) changed['smtp.' + name] = v[name];
    }
    await saveChanged(settings, changed, (key) => key.slice('smtp.'.length));
    inputs.password.value = '';
    inputs.password.parentElement.querySelector('small').textContent = passwordHint();
    clearErrors();
    status.textContent = t('settings.smtp_saved');
  });
  return el('section', {id: 'smtp-settings', class: 'card'}, el('h2', {}, t('settings.smtp')),
      el('p', {class: 'muted'}, t('settings.smtp_intro')), form, status);
}

export async function historySection() {
  const settings = await readSettings();
  const value = (name) => (settings['history.' + name] || {}).value || 'auto';
  const {form, submit, values, showError, clearErrors} = simpleForm('history-form',
      kHistoryKeys.map((name) => ({name, label: t('settings.history_' + name), type: 'select',
        value: value(name),
        options: ['auto', 'ask', 'none'].map((s) => [s, t('settings.history_' + s)])})),
      t('settings.history_save'));
  const status = el('p', {id: 'history-status', class: 'notice', 'aria-live': 'polite'});
  handleSubmit(form, submit, showError, async () => {
    status.textContent = '';
    const v = values();
    const changed = {};
    for (const name of kHistoryKeys) {
      if (v[name] !== value(name)) changed['history.' + name] = v[name];
    }
    await saveChanged(settings, changed, (key) => key.slice('history.'.length));
    clearErrors();
    status.textContent = t('settings.history_saved');
  });
  return el('section', {id: 'history-settings', class: 'card'}, el('h2', {}, t('settings.history')),
      el('p', {class: 'muted'}, t('settings.history_intro')), form, status);
}
