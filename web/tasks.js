// Tasks ("Aufgaben"): one entry as both the dashboard (overview_agenda.js)
// and the customer file show it, and the file's section in the tab
// "Aufgaben & Termine", where writers add a task and mark one done (which
// the server records as a history event).

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {firmToday} from './follow_ups.js';
import {formatDate, formatDateTime, t} from './i18n.js';
import {customerHref} from './nav.js';
import {canWrite, currentUser, isAdmin} from './session.js';

// The tab of the customer file that lists tasks and appointments.
export const kAgendaTab = 'aufgaben';

// The "Erledigt" button of an open task; `onDone(doneTask)` runs after the
// server marked it done, `onError(error)` when it refused.
function doneButton(task, onDone, onError) {
  const button = el('button', {type: 'button', class: 'task-done',
    'aria-label': t('tasks.done_named', {title: task.title})}, t('tasks.done'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await onDone(await api.post('/tasks/' + task.id + '/done'));
    } catch (error) {
      button.disabled = false;
      onError(error);
    }
  });
  return button;
}

// One task as a list item. options: {today, withCustomer (a link to the
// file, for the dashboard), onDone(doneTask) (writers only), onError(error)}.
export function taskItem(task, {today, withCustomer = false, onDone = null, onError = () => {}}) {
  const done = !!task.done_at;
  const overdue = !done && !!task.due_date && task.due_date < today;
  const customer = withCustomer
      ? el('a', {href: customerHref(task.customer_id, kAgendaTab), class: 'task-customer'},
          [task.customer_number, task.customer_name].filter(Boolean).join(' '))
      : null;
  const who = task.assignee ? t('tasks.for', {user: task.assignee}) : t('tasks.nobody');
  return el('li', {class: 'task' + (overdue ? ' late' : '') + (done ? ' done' : ''),
    dataset: {id: String(task.id), state: done ? 'done' : 'open'}},
  el('div', {class: 'task-when'},
      task.due_date ? el('time', {datetime: task.due_date}, formatDate(task.due_date))
        : el('span', {class: 'muted'}, t('tasks.no_due')),
      overdue ? el('span', {class: 'badge overdue'}, t('tasks.is_overdue')) : null),
  el('div', {class: 'task-body'},
      customer ? el('p', {}, customer) : null,
      el('p', {class: 'task-title'}, task.title),
      task.text ? el('p', {class: 'task-text'}, task.text) : null,
      el('p', {class: 'muted small'}, who,
          done ? [' · ', el('span', {class: 'task-state'},
              t('tasks.done_at', {time: formatDateTime(task.done_at), user: task.done_by}))] : null)),
  onDone && !done ? doneButton(task, onDone, onError) : null);
}

// A username input: the caller by default; for admins, who may list the
// users, with the enabled ones to choose from (a datalist with `listId`).
export async function userChoices(input, listId) {
  input.value = currentUser().username;
  if (!isAdmin()) return null;
  const answer = await api.get('/users');
  const list = el('datalist', {id: listId}, (answer.items || [])
      .filter((u) => !u.disabled)
      .map((u) => el('option', {value: u.username}, u.display_name || u.username)));
  input.setAttribute('list', list.id);
  return list;
}

// The form for a new task; `onAdded(task)` runs after it was stored.
async function addForm(ctx, onAdded) {
  const {form, submit, inputs, values, clearErrors, showError} = simpleForm('task-form', [
    {name: 'title', label: t('tasks.title_label'), required: true},
    {name: 'due_date', label: t('tasks.due'), type: 'date'},
    {name: 'assignee', label: t('tasks.assignee'), hint: t('tasks.assignee_hint')},
    {name: 'text', label: t('tasks.text'), type: 'textarea'},
  ], t('tasks.add'));
  const users = await userChoices(inputs.assignee, 'task-assignees');
  if (users) form.append(users);
  handleSubmit(form, submit, showError, async () => {
    const v = values();
    if (!v.title) throw {field: 'title', message: t('tasks.no_title')};
    const created = await api.post('/customers/' + ctx.customer.id + '/tasks', {
      title: v.title, text: v.text, due_date: v.due_date, assignee: v.assignee});
    clearErrors();
    inputs.title.value = '';
    inputs.text.value = '';
    inputs.due_date.value = '';
    await onAdded(created);
  });
  return el('details', {class: 'agenda-add card', id: 'task-add'},
      el('summary', {}, t('tasks.add')), form);
}

// The customer's tasks (open by due date, then done) and, for writers, the
// form for a new one. Returns the section.
export async function taskSection(ctx) {
  const path = '/customers/' + ctx.customer.id + '/tasks';
  const list = el('ul', {id: 'task-list', class: 'tasks'});
  const empty = el('p', {class: 'empty muted'}, t('tasks.empty'));
  const notice = el('p', {id: 'task-notice', class: 'saved-notice', role: 'status', tabindex: '-1'});
  const error = el('p', {class: 'error', role: 'alert'});

  async function load() {
    const answer = await api.get(path);
    const today = firmToday();
    fill(list, (answer.items || []).map((task) => taskItem(task, {
      today,
      onDone: canWrite() ? (doneTask) => markedDone(doneTask) : null,
      onError: (e) => {
        error.textContent = errorText(e);
      },
    })));
    empty.hidden = list.childElementCount > 0;
  }

  async function markedDone(task) {
    error.textContent = '';
    await load();
    notice.textContent = t('tasks.done_notice', {title: task.title});
    notice.focus();
  }

  const add = canWrite() ? await addForm(ctx, async (task) => {
    await load();
    notice.textContent = t('tasks.added', {title: task.title});
  }) : null;
  await load();
  return el('section', {id: 'tasks', class: 'agenda-section', 'aria-labelledby': 'tasks-title'},
      el('h3', {id: 'tasks-title'}, t('tasks.title')), notice, error, add, empty, list);
}
