// Einstellungen, for everyone: "Kalender abonnieren", the secret link to the
// user's own calendar (appointments, tasks, follow-ups, birthdays) for
// Thunderbird, Outlook, Apple Calendar or a phone. The server keeps only a
// hash of the secret, so a link is shown only when it is made; making a new
// one ends the old one.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {t} from './i18n.js';

// The feed's address as this browser reaches the server (which knows the
// public scheme and host better than the server does behind a proxy).
function feedUrl(path, asEvents) {
  return location.origin + path + (asEvents ? '?todos=events' : '');
}

async function copyText(input) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    // No clipboard API (plain http, older browsers): select and copy.
    input.select();
    document.execCommand('copy');
  }
}

export async function calendarSection(user) {
  const path = '/users/' + user.id + '/calendar-feed';
  const status = el('p', {id: 'calendar-status', class: 'notice', 'aria-live': 'polite'});
  const link = el('div', {id: 'calendar-link'});
  let feedPath = null;

  const showLink = () => {
    if (!feedPath) {
      fill(link);
      return;
    }
    const asEvents = el('input', {type: 'checkbox', id: 'calendar-as-events'});
    const url = el('input', {id: 'calendar-url', type: 'text', readonly: true, spellcheck: 'false',
      'aria-label': t('calendar.url'), value: feedUrl(feedPath, false), size: 60});
    const webcal = el('a', {id: 'calendar-webcal'}, t('calendar.open'));
    const copied = el('span', {id: 'calendar-copied', class: 'muted', 'aria-live': 'polite'});
    const update = () => {
      url.value = feedUrl(feedPath, asEvents.checked);
      webcal.href = url.value.replace(/^https?:/, 'webcal:');
      copied.textContent = '';
    };
    asEvents.addEventListener('change', update);
    const copy = el('button', {type: 'button', id: 'calendar-copy'}, t('calendar.copy'));
    copy.addEventListener('click', async () => {
      await copyText(url);
      copied.textContent = t('calendar.copied');
    });
    update();
    fill(link,
        el('p', {}, t('calendar.shown_once')),
        el('p', {class: 'calendar-url'}, url, ' ', copy, ' ', copied),
        el('p', {}, el('label', {}, asEvents, ' ', t('calendar.as_events'))),
        el('p', {}, webcal, ' ', el('span', {class: 'muted'}, t('calendar.open_hint'))));
  };

  const renew = el('button', {type: 'button', id: 'calendar-renew'}, t('calendar.create'));
  renew.addEventListener('click', async () => {
    renew.disabled = true;
    status.textContent = '';
    try {
      const answer = await api.post(path);
      feedPath = answer.path;
      renew.textContent = t('calendar.renew');
      showLink();
    } catch (error) {
      status.textContent = errorText(error);
    } finally {
      renew.disabled = false;
    }
  });

  const revoke = el('button', {type: 'button', id: 'calendar-revoke'}, t('calendar.revoke'));
  revoke.addEventListener('click', async () => {
    if (!window.confirm(t('calendar.revoke_confirm'))) return;
    status.textContent = '';
    try {
      await api.del(path);
      status.textContent = t('calendar.revoked');
    } catch (error) {
      status.textContent = error.status === 404 ? t('calendar.none') : errorText(error);
    }
    feedPath = null;
    renew.textContent = t('calendar.create');
    showLink();
  });

  return el('section', {class: 'card', id: 'calendar-feed'},
      el('h2', {}, t('calendar.title')),
      el('p', {}, t('calendar.intro')),
      el('p', {class: 'muted'}, t('calendar.secret_hint')),
      el('p', {}, renew, ' ', revoke),
      link, status);
}
