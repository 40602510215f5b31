// Follow-ups ("Wiedervorlagen"): one entry as both the dashboard
// (overview.js) and the customer file show it, and the file's section in
// the Historie tab, where writers set a follow-up on the customer or on one
// of its documents, notes or events, and mark one done (which the server
// records as a history event).

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {formatDate, formatDateTime, t, toDateTimeInputs} from './i18n.js';
import {customerHref} from './nav.js';
import {canWrite, currentUser, isAdmin} from './session.js';

// Today in the firm's time zone, "YYYY-MM-DD".
export function firmToday() {
  return toDateTimeInputs().date;
}

// "YYYY-MM-DD" `days` after the calendar day `date`.
function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// Where the follow-up's item is shown in its file.
function itemHref(f) {
  switch (f.entity) {
    case 'document': return customerHref(f.customer_id, 'dokumente') + '?doc=' + f.entity_id;
    case 'note': return customerHref(f.customer_id, 'notizen');
    default: return customerHref(f.customer_id, 'historie');
  }
}

// What the follow-up is about: the file itself, or a link to its item.
function about(f) {
  if (f.entity === 'customer') return t('followups.about_customer');
  return el('a', {href: itemHref(f), class: 'follow-up-about'}, t('kind.' + f.entity));
}

// One follow-up as a list item. options: {today, withCustomer (a link to
// the file, for the dashboard), onDone(doneFollowUp) (writers only; the
// "Erledigt" button), onError(error)}.
export function followUpItem(f, {today, withCustomer = false, onDone = null, onError = () => {}}) {
  const done = !!f.done_at;
  const overdue = !done && f.due_date < today;
  const button = onDone && !done
      ? el('button', {type: 'button', class: 'follow-up-done',
        'aria-label': t('followups.done_named', {reason: f.reason})}, t('followups.done'))
      : null;
  if (button) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await onDone(await api.post('/follow-ups/' + f.id + '/done'));
      } catch (error) {
        button.disabled = false;
        onError(error);
      }
    });
  }
  const customer = withCustomer
      ? el('a', {href: customerHref(f.customer_id, 'historie'), class: 'follow-up-customer'},
          [f.customer_number, f.customer_name].filter(Boolean).join(' '))
      : null;
  return el('li', {class: 'follow-up' + (overdue ? ' late' : '') + (done ? ' done' : ''),
    dataset: {id: String(f.id), state: done ? 'done' : 'open'}},
  el('div', {class: 'follow-up-when'},
      el('time', {datetime: f.due_date}, formatDate(f.due_date)),
      overdue ? el('span', {class: 'badge overdue'}, t('followups.is_overdue')) : null),
  el('div', {class: 'follow-up-body'},
      customer ? el('p', {}, customer) : null,
      el('p', {class: 'follow-up-reason'}, f.reason),
      el('p', {class: 'muted small'},
          t('followups.about'), ': ', about(f), ' · ', t('followups.for', {user: f.assignee}),
          done ? [' · ', el('span', {class: 'follow-up-state'},
              t('followups.done_at', {time: formatDateTime(f.done_at), user: f.done_by}))] : null)),
  button);
}

// The assignee input: the caller by default; for admins, who may list the
// users, with the enabled ones to choose from.
async function assigneeChoices(input) {
  input.value = currentUser().username;
  if (!isAdmin()) return null;
  const answer = await api.get('/users');
  const list = el('datalist', {id: 'follow-up-assignees'}, (answer.items || [])
      .filter((u) => !u.disabled)
      .map((u) => el('option', {value: u.username}, u.display_name || u.username)));
  input.setAttribute('list', list.id);
  return list;
}

// The form for a new follow-up; `onAdded(text)` runs after it was stored.
// Returns {details, startFor(item)}: startFor sets it on a timeline entry
// (a document, note or event) and opens it.
async function addForm(ctx, onAdded) {
  const {form, submit, inputs, values, showError, clearErrors} = simpleForm('follow-up-form', [
    {name: 'due_date', label: t('followups.due'), type: 'date', value: addDays(firmToday(), 7),
      required: true},
    {name: 'reason', label: t('followups.reason'), required: true},
    {name: 'assignee', label: t('followups.assignee'), hint: t('followups.assignee_hint')},
  ], t('followups.add'));
  const assignees = await assigneeChoices(inputs.assignee);
  let target = null;  // {entity, entity_id} of a timeline entry, or null: the file
  const aboutLine = el('p', {id: 'follow-up-form-about', hidden: true});
  form.prepend(aboutLine);
  if (assignees) form.append(assignees);

  function setTarget(item) {
    target = item ? {entity: item.kind, entity_id: item.id} : null;
    aboutLine.hidden = !item;
    if (!item) return;
    const clear = el('button', {type: 'button', id: 'follow-up-form-clear', onclick: () => setTarget(null)},
        t('followups.about_clear'));
    fill(aboutLine, t('followups.add_for', {kind: t('kind.' + item.kind), title: item.title}), ' ', clear);
  }

  handleSubmit(form, submit, showError, async () => {
    const v = values();
    if (!v.due_date) throw {field: 'due_date', message: t('followups.bad_date')};
    if (!v.reason) throw {field: 'reason', message: t('followups.no_reason')};
    const created = await api.post('/customers/' + ctx.customer.id + '/follow-ups', {
      due_date: v.due_date, reason: v.reason, assignee: v.assignee || undefined, ...target});
    clearErrors();
    inputs.reason.value = '';
    setTarget(null);
    await onAdded(t('followups.added', {date: formatDate(created.due_date)}));
  });
  // Not "add" like the event form's: tests and users find that one as the
  // tab's form to add to the timeline.
  const details = el('details', {class: 'follow-up-add card', id: 'follow-up-add'},
      el('summary', {}, t('followups.add')), form);
  return {
    details,
    startFor(item) {
      setTarget({kind: item.kind, id: item.id, title: item.title || t('kind.' + item.kind)});
      details.open = true;
      details.scrollIntoView({block: 'nearest'});
      inputs.reason.focus();
    },
  };
}

// The Historie tab's section: the customer's follow-ups (open by due date,
// then done) and, for writers, the form for a new one. `onDone` runs after
// one was marked done (the timeline has a new event). Returns {section,
// startFor(timelineItem)} (startFor null for readers).
export async function followUpSection(ctx, onDone) {
  const path = '/customers/' + ctx.customer.id + '/follow-ups';
  const list = el('ul', {id: 'follow-up-list', class: 'follow-ups'});
  const empty = el('p', {class: 'empty muted'}, t('followups.empty'));
  const notice = el('p', {id: 'follow-up-notice', class: 'saved-notice', role: 'status', tabindex: '-1'});
  const error = el('p', {class: 'error', role: 'alert'});

  async function load() {
    const answer = await api.get(path);
    const today = firmToday();
    fill(list, (answer.items || []).map((f) => followUpItem(f, {
      today,
      onDone: canWrite() ? (doneOne) => markedDone(doneOne) : null,
      onError: (e) => {
        error.textContent = errorText(e);
      },
    })));
    empty.hidden = list.childElementCount > 0;
  }

  async function markedDone(f) {
    error.textContent = '';
    await Promise.all([load(), onDone()]);
    notice.textContent = t('followups.done_notice', {reason: f.reason});
    notice.focus();
  }

  const add = canWrite() ? await addForm(ctx, async (text) => {
    await load();
    notice.textContent = text;
  }) : null;
  const section = el('section', {id: 'follow-ups', class: 'follow-up-section',
    'aria-labelledby': 'follow-ups-title'},
  el('h3', {id: 'follow-ups-title'}, t('followups.title')),
  notice, error, add ? add.details : null, empty, list);
  await load();
  return {section, startFor: add ? add.startFor : null};
}
