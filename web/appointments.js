// Appointments ("Termine"): one entry as both the dashboard
// (overview_agenda.js) and the customer file show it, and the file's
// section in the tab "Aufgaben & Termine", where writers add an appointment
// and cancel one. Times are entered and shown in the firm's time zone.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm, splitList} from './forms.js';
import {formatDateTime, fromDateTimeInputs, t, toDateTimeInputs} from './i18n.js';
import {customerHref} from './nav.js';
import {canWrite} from './session.js';
import {kAgendaTab, userChoices} from './tasks.js';

// "06.03.2024 09:00–10:30", or with the end's date when it ends another day.
export function formatSpan(a) {
  const start = toDateTimeInputs(new Date(a.starts_at));
  const end = toDateTimeInputs(new Date(a.ends_at));
  return formatDateTime(a.starts_at) + '–' +
      (start.date === end.date ? end.time : formatDateTime(a.ends_at));
}

// The "Absagen" button: cancels the version shown; `onCancelled(answer)`
// runs with the cancelled appointment or, when it changed meanwhile, with
// {conflict, current}.
function cancelButton(a, onCancelled, onError) {
  const button = el('button', {type: 'button', class: 'appointment-cancel',
    'aria-label': t('appointments.cancel_named', {title: a.title})}, t('appointments.cancel'));
  button.addEventListener('click', async () => {
    if (!window.confirm(t('appointments.cancel_confirm', {title: a.title}))) return;
    button.disabled = true;
    try {
      await onCancelled(await api.post('/appointments/' + a.id + '/cancel', undefined,
          {ifMatch: a.version}));
    } catch (error) {
      button.disabled = false;
      onError(error);
    }
  });
  return button;
}

// One appointment as a list item. options: {withCustomer (a link to the
// file, for the dashboard), onCancelled(answer) (writers only), onError}.
export function appointmentItem(a, {withCustomer = false, onCancelled = null, onError = () => {}}) {
  const cancelled = !!a.cancelled_at;
  const customer = withCustomer
      ? el('a', {href: customerHref(a.customer_id, kAgendaTab), class: 'appointment-customer'},
          [a.customer_number, a.customer_name].filter(Boolean).join(' '))
      : null;
  const who = (a.participants || []).length
      ? t('appointments.with', {users: a.participants.join(', ')}) : null;
  return el('li', {class: 'appointment' + (cancelled ? ' cancelled' : ''),
    dataset: {id: String(a.id), state: cancelled ? 'cancelled' : 'planned'}},
  el('div', {class: 'appointment-when'},
      el('time', {datetime: a.starts_at}, formatSpan(a)),
      cancelled ? el('span', {class: 'badge overdue'}, t('appointments.is_cancelled')) : null),
  el('div', {class: 'appointment-body'},
      customer ? el('p', {}, customer) : null,
      el('p', {class: 'appointment-title'}, a.title),
      a.place ? el('p', {class: 'appointment-place'}, t('appointments.at', {place: a.place})) : null,
      a.text ? el('p', {class: 'appointment-text'}, a.text) : null,
      who ? el('p', {class: 'muted small appointment-participants'}, who) : null),
  onCancelled && !cancelled ? cancelButton(a, onCancelled, onError) : null);
}

// The form for a new appointment, an hour from the next full hour by
// default; `onAdded(appointment)` runs after it was stored.
async function addForm(ctx, onAdded) {
  const now = toDateTimeInputs();
  const hour = Math.min(Number(now.time.slice(0, 2)) + 1, 22);
  const pad = (n) => String(n).padStart(2, '0');
  const {form, submit, inputs, values, clearErrors, showError} = simpleForm('appointment-form', [
    {name: 'title', label: t('appointments.title_label'), required: true},
    {name: 'date', label: t('appointments.date'), type: 'date', value: now.date, required: true},
    {name: 'start', label: t('appointments.start'), type: 'time', value: pad(hour) + ':00',
      required: true},
    {name: 'end', label: t('appointments.end'), type: 'time', value: pad(hour + 1) + ':00',
      required: true},
    {name: 'place', label: t('appointments.place')},
    {name: 'participants', label: t('appointments.participants'),
      hint: t('appointments.participants_hint')},
    {name: 'text', label: t('appointments.text'), type: 'textarea'},
  ], t('appointments.add'));
  const users = await userChoices(inputs.participants, 'appointment-participants');
  if (users) form.append(users);
  // The API names the moments starts_at and ends_at; the form splits them.
  const fieldOf = {starts_at: 'start', ends_at: 'end'};
  const showFieldError = (error) => showError(fieldOf[error.field]
      ? {field: fieldOf[error.field], message: errorText(error)} : error);
  handleSubmit(form, submit, showFieldError, async () => {
    const v = values();
    if (!v.title) throw {field: 'title', message: t('appointments.no_title')};
    const starts = fromDateTimeInputs(v.date, v.start);
    const ends = fromDateTimeInputs(v.date, v.end);
    if (!starts) throw {field: v.date ? 'start' : 'date', message: t('appointments.bad_time')};
    if (!ends) throw {field: 'end', message: t('appointments.bad_time')};
    if (ends < starts) throw {field: 'end', message: t('appointments.end_before_start')};
    const created = await api.post('/customers/' + ctx.customer.id + '/appointments', {
      title: v.title, starts_at: starts, ends_at: ends, place: v.place, text: v.text,
      participants: splitList(v.participants)});
    clearErrors();
    inputs.title.value = '';
    inputs.place.value = '';
    inputs.text.value = '';
    await onAdded(created);
  });
  return el('details', {class: 'agenda-add card', id: 'appointment-add'},
      el('summary', {}, t('appointments.add')), form);
}

// The customer's appointments by start, cancelled ones marked, and for
// writers the form for a new one. Returns the section.
export async function appointmentSection(ctx) {
  const path = '/customers/' + ctx.customer.id + '/appointments';
  const list = el('ul', {id: 'appointment-list', class: 'appointments'});
  const empty = el('p', {class: 'empty muted'}, t('appointments.empty'));
  const notice = el('p', {id: 'appointment-notice', class: 'saved-notice', role: 'status',
    tabindex: '-1'});
  const error = el('p', {class: 'error', role: 'alert'});

  async function load() {
    const answer = await api.get(path);
    fill(list, (answer.items || []).map((a) => appointmentItem(a, {
      onCancelled: canWrite() ? (result) => cancelled(a, result) : null,
      onError: (e) => {
        error.textContent = errorText(e);
      },
    })));
    empty.hidden = list.childElementCount > 0;
  }

  async function cancelled(a, result) {
    error.textContent = '';
    await load();
    notice.textContent = result && result.conflict
        ? t('appointments.conflict', {title: a.title})
        : t('appointments.cancelled_notice', {title: a.title});
    notice.focus();
  }

  const add = canWrite() ? await addForm(ctx, async (a) => {
    await load();
    notice.textContent = t('appointments.added', {title: a.title, when: formatSpan(a)});
  }) : null;
  await load();
  return el('section', {id: 'appointments', class: 'agenda-section',
    'aria-labelledby': 'appointments-title'},
  el('h3', {id: 'appointments-title'}, t('appointments.title')), notice, error, add, empty, list);
}
