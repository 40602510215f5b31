// The dashboard's "Mein Tag": the signed-in user's appointments today and
// the open tasks overdue or due today (GET /agenda), days by the firm's
// time zone; writers mark a task done right there.

import * as api from './api.js';
import {appointmentItem} from './appointments.js';
import {el, errorText, fill} from './dom.js';
import {firmToday} from './follow_ups.js';
import {t} from './i18n.js';
import {canWrite, currentUser} from './session.js';
import {taskItem} from './tasks.js';

// The groups of the agenda, in the order shown: [key of the answer, id,
// title, text when empty].
const kGroups = [
  ['appointments', 'agenda-appointments', 'agenda.appointments', 'agenda.none_appointments'],
  ['overdue_tasks', 'agenda-overdue-tasks', 'agenda.overdue_tasks', 'agenda.none_overdue'],
  ['tasks_today', 'agenda-tasks-today', 'agenda.tasks_today', 'agenda.none_today'],
];

// Returns {section, load}.
export function agendaSection() {
  const groups = el('div', {class: 'agenda-groups'});
  const notice = el('p', {id: 'agenda-notice', class: 'saved-notice', role: 'status', tabindex: '-1'});
  const error = el('p', {class: 'error', role: 'alert'});
  const onError = (e) => {
    error.textContent = errorText(e);
  };

  function item(key, record, today) {
    if (key === 'appointments') return appointmentItem(record, {withCustomer: true});
    return taskItem(record, {today, withCustomer: true, onError,
      onDone: canWrite() ? (task) => markedDone(task) : null});
  }

  function group([key, id, title, none], records, today) {
    const late = key === 'overdue_tasks' && records.length;
    return el('section', {id, class: 'agenda-group', 'aria-labelledby': id + '-title'},
        el('h3', {id: id + '-title', class: late ? 'overdue' : null},
            t(title), ' ', el('span', {class: 'badge'}, String(records.length))),
        records.length
          ? el('ul', {class: key === 'appointments' ? 'appointments' : 'tasks'},
              records.map((r) => item(key, r, today)))
          : el('p', {class: 'empty muted'}, t(none)));
  }

  async function load() {
    const today = firmToday();
    const agenda = await api.get('/agenda', {user: currentUser().username, today});
    fill(groups, kGroups.map((g) => group(g, agenda[g[0]] || [], agenda.today || today)));
  }

  async function markedDone(task) {
    error.textContent = '';
    await load();
    notice.textContent = t('tasks.done_notice', {title: task.title});
    notice.focus();
  }

  const section = el('section', {id: 'overview-agenda', class: 'card',
    'aria-labelledby': 'overview-agenda-title'},
  el('h2', {id: 'overview-agenda-title'}, t('agenda.title')), notice, error, groups);
  return {section, load};
}
