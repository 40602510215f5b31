// The dashboard ("Übersicht"), the page after login: the user's day
// (appointments today, tasks overdue or due today; overview_agenda.js), the
// follow-ups due (overdue, today, the rest of this week), the user's own or
// everyone's, and the birthdays of customers and contacts in the coming 14
// days. Days are the firm's (its time zone), not the browser's.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {firmToday, followUpItem} from './follow_ups.js';
import {formatDate, t} from './i18n.js';
import {customerHref} from './nav.js';
import {agendaSection} from './overview_agenda.js';
import {canWrite, currentUser} from './session.js';

const kBirthdayDays = 14;

// The groups of GET /follow-ups, in the order shown.
const kGroups = [
  ['overdue', 'followups.overdue', 'followups.none_overdue'],
  ['due_today', 'followups.due_today', 'followups.none_today'],
  ['this_week', 'followups.this_week', 'followups.none_this_week'],
];

// "mine" or "all"; kept while the page is open.
let whose = 'mine';

function whoseToggle(onChange) {
  const option = (value, label) => el('label', {},
      el('input', {type: 'radio', name: 'followups-whose', id: 'followups-' + value, value,
        checked: whose === value, onchange: () => {
          whose = value;
          onChange();
        }}),
      ' ', label);
  return el('fieldset', {class: 'segmented', id: 'followups-whose'},
      el('legend', {class: 'visually-hidden'}, t('followups.whose')),
      option('mine', t('followups.mine')), option('all', t('followups.all')));
}

function followUpsSection() {
  const groups = el('div', {class: 'follow-up-groups'});
  const notice = el('p', {id: 'followups-notice', class: 'saved-notice', role: 'status', tabindex: '-1'});
  const error = el('p', {class: 'error', role: 'alert'});
  let requestSeq = 0;

  function group([key, title, none], items, today) {
    const id = 'followups-' + key.replace('_', '-');
    const list = el('ul', {class: 'follow-ups'}, items.map((f) => followUpItem(f, {
      today,
      withCustomer: true,
      onDone: canWrite() ? (doneOne) => markedDone(doneOne) : null,
      onError: (e) => {
        error.textContent = errorText(e);
      },
    })));
    return el('section', {id, class: 'follow-up-group', 'aria-labelledby': id + '-title'},
        el('h3', {id: id + '-title', class: key === 'overdue' && items.length ? 'overdue' : null},
            t(title), ' ', el('span', {class: 'badge'}, String(items.length))),
        items.length ? list : el('p', {class: 'empty muted'}, t(none)));
  }

  async function load() {
    const seq = ++requestSeq;
    const today = firmToday();
    const due = await api.get('/follow-ups',
        {assignee: whose === 'all' ? 'all' : currentUser().username, today});
    if (seq !== requestSeq) return;  // switched meanwhile; a newer answer follows
    fill(groups, kGroups.map((g) => group(g, due[g[0]] || [], due.today || today)));
  }

  async function markedDone(f) {
    error.textContent = '';
    await load();
    notice.textContent = t('followups.done_notice', {reason: f.reason});
    notice.focus();
  }

  function reload() {
    notice.textContent = '';
    error.textContent = '';
    load().catch((e) => {
      error.textContent = errorText(e);
    });
  }

  const section = el('section', {id: 'overview-follow-ups', class: 'card',
    'aria-labelledby': 'overview-follow-ups-title'},
  el('div', {class: 'panel-head'}, el('h2', {id: 'overview-follow-ups-title'}, t('followups.title')),
      whoseToggle(reload)),
  notice, error, groups);
  return {section, load};
}

// Whose birthday (a customer's own or a contact's), the age, and a link to
// the customer's file.
function birthdayItem(b, today) {
  const own = b.contact_id === null;
  const customer = el('a', {href: customerHref(b.customer_id, own ? 'adresse' : 'ansprechpartner'),
    class: 'birthday-customer'}, [b.customer_number, b.customer_name].filter(Boolean).join(' '));
  return el('li', {class: 'birthday', dataset: {customer: String(b.customer_id)}},
      el('div', {class: 'birthday-when'}, el('time', {datetime: b.date}, formatDate(b.date)),
          b.date === today ? el('span', {class: 'badge'}, t('birthdays.today')) : null),
      el('div', {},
          el('p', {}, el('strong', {class: 'birthday-name'}, b.name || b.customer_name), ' · ',
              t('birthdays.age', {age: b.age})),
          el('p', {class: 'muted small'}, own ? null : [t('birthdays.contact_of'), ' '], customer)));
}

function birthdaysSection() {
  const body = el('div', {}, el('p', {class: 'muted'}, t('app.loading')));
  const section = el('section', {id: 'overview-birthdays', class: 'card',
    'aria-labelledby': 'overview-birthdays-title'},
  el('h2', {id: 'overview-birthdays-title'}, t('birthdays.title')),
  el('p', {class: 'muted small'}, t('birthdays.next_days', {days: kBirthdayDays})),
  body);

  async function load() {
    const today = firmToday();
    const answer = await api.get('/birthdays', {from: today, days: kBirthdayDays});
    const items = answer.items || [];
    fill(body, items.length
        ? el('ul', {id: 'birthday-list', class: 'birthdays'}, items.map((b) => birthdayItem(b, today)))
        : el('p', {class: 'empty muted'}, t('birthdays.empty', {days: kBirthdayDays})));
  }
  return {section, load};
}

// Each part reports its own failure; the others still show.
export async function render(view) {
  const agenda = agendaSection();
  const followUps = followUpsSection();
  const birthdays = birthdaysSection();
  fill(view, el('section', {id: 'overview'},
      el('h1', {}, t('overview.title')),
      el('div', {class: 'overview-grid'}, agenda.section, birthdays.section, followUps.section)));
  await Promise.all([agenda, followUps, birthdays].map((part) => part.load().catch((error) => {
    part.section.append(el('p', {class: 'error', role: 'alert'}, errorText(error)));
  })));
}
