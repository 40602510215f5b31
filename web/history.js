// Tab "Historie": the customer's follow-ups (follow_ups.js) and the file's
// timeline (documents, notes, events, business records, payments, tasks
// and appointments), newest first, filtered by kind and period; writers add
// events (a call, a visit) and set follow-ups on the file or on one of its
// entries.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {followUpSection} from './follow_ups.js';
import {handleSubmit, simpleForm} from './forms.js';
import {formatDate, formatDateTime, formatNumber, fromDateTimeInputs, t, toDateTimeInputs, zonedMoment}
  from './i18n.js';
import {customerHref} from './nav.js';
import {canWrite} from './session.js';

const kPage = 100;

// Where an entry's title leads: its document, its note, its record (a
// payment: its invoice) in the Statistik tab, a task or appointment to the
// tab "Aufgaben & Termine"; events lead nowhere.
function target(item, customerId) {
  switch (item.kind) {
    case 'document': return customerHref(customerId, 'dokumente') + '?doc=' + item.id;
    case 'note': return customerHref(customerId, 'notizen');
    case 'record': return customerHref(customerId, 'statistik') + '?record=' + item.id;
    case 'payment': return customerHref(customerId, 'statistik') + '?payment=' + item.id;
    case 'task':
    case 'appointment': return customerHref(customerId, 'aufgaben');
    default: return null;
  }
}

// Documents, business records and payments carry a calendar date.
const kDated = ['document', 'record', 'payment'];

// The entries a follow-up can be set on.
const kFollowable = ['document', 'note', 'event'];

// `onFollowUp`: opens the follow-up form for this entry; null: no button.
function entry(item, customerId, onFollowUp) {
  const when = kDated.includes(item.kind) ? formatDate(item.at) : formatDateTime(item.at);
  const href = target(item, customerId);
  const title = href
      ? el('a', {href}, item.title || t('kind.' + item.kind))
      : el('span', {}, item.title || t('kind.' + item.kind));
  return el('li', {class: 'timeline-entry kind-' + item.kind, dataset: {kind: item.kind, id: String(item.id)}},
      el('div', {class: 'timeline-when'}, el('time', {datetime: item.at}, when)),
      el('div', {class: 'timeline-body'},
          el('p', {}, el('span', {class: 'badge'}, t('kind.' + item.kind)), ' ', title),
          item.detail ? el('p', {class: 'timeline-detail'}, item.detail) : null,
          item.author ? el('p', {class: 'timeline-author muted small'}, item.author_name || item.author) : null),
      onFollowUp ? el('button', {type: 'button', class: 'follow-up-for', onclick: onFollowUp,
        'aria-label': t('followups.add_for', {kind: t('kind.' + item.kind), title: item.title || ''})},
      t('followups.set')) : null);
}

// The form for a new event; `onAdded` runs after it was stored.
async function eventForm(ctx, onAdded) {
  const answer = await api.get('/event-types');
  const now = toDateTimeInputs();
  const {form, submit, inputs, values, showError} = simpleForm('event-form', [
    {name: 'type', label: t('history.event_type'), type: 'select',
      options: (answer.items || []).map((type) => [type, type])},
    {name: 'subject', label: t('history.subject')},
    {name: 'date', label: t('history.date'), type: 'date', value: now.date, required: true},
    {name: 'time', label: t('history.time'), type: 'time', value: now.time, required: true},
    {name: 'text', label: t('history.text'), type: 'textarea'},
  ], t('history.add_event'));
  const done = el('p', {class: 'muted', 'aria-live': 'polite'});
  form.append(done);
  // The API names the moment occurred_at; the form splits it in two.
  const showFieldError = (error) => showError(error.field === 'occurred_at'
      ? {field: 'date', message: errorText(error)} : error);
  handleSubmit(form, submit, showFieldError, async () => {
    done.textContent = '';
    const v = values();
    const at = fromDateTimeInputs(v.date, v.time);
    if (!at) throw {field: v.date ? 'time' : 'date', message: t('history.bad_date')};
    await api.post('/customers/' + ctx.customer.id + '/events',
        {type: v.type, subject: v.subject, text: v.text, occurred_at: at});
    const next = toDateTimeInputs();
    inputs.subject.value = '';
    inputs.text.value = '';
    inputs.date.value = next.date;
    inputs.time.value = next.time;
    done.textContent = t('history.event_added');
    await onAdded();
  });
  return el('details', {class: 'add card'}, el('summary', {}, t('history.add_event')), form);
}

export async function render(panel, ctx) {
  const kind = el('select', {id: 'history-kind'},
      el('option', {value: ''}, t('history.all')),
      ['document', 'note', 'event', 'record', 'payment', 'task', 'appointment']
          .map((k) => el('option', {value: k}, t('kind.' + k + 's'))));
  const since = el('input', {id: 'history-since', type: 'date'});
  const until = el('input', {id: 'history-until', type: 'date'});
  const list = el('ol', {id: 'history-list', class: 'timeline'});
  const status = el('p', {class: 'muted', 'aria-live': 'polite'});
  const more = el('button', {type: 'button', hidden: true}, t('history.more'));
  let offset = 0;
  let requestSeq = 0;

  async function load(append) {
    const seq = ++requestSeq;
    const answer = await api.get('/customers/' + ctx.customer.id + '/file',
        {kind: kind.value, since: since.value ? zonedMoment(since.value, '00:00:00') : '',
          until: until.value ? zonedMoment(until.value, '23:59:59') : '', limit: kPage,
          offset: append ? offset : 0});
    if (seq !== requestSeq) return;  // the filter changed meanwhile; a newer answer follows
    if (!append) offset = 0;
    const items = (answer.items || []).map((item) => entry(item, ctx.customer.id,
        followUps.startFor && kFollowable.includes(item.kind) ? () => followUps.startFor(item) : null));
    if (append) list.append(...items);
    else fill(list, items);
    offset += items.length;
    more.hidden = offset >= answer.total;
    status.textContent = answer.total ? t('history.count', {count: formatNumber(answer.total)}) : t('history.empty');
  }

  for (const input of [kind, since, until]) input.addEventListener('change', () => load(false));
  more.addEventListener('click', () => load(true));
  const filters = el('div', {class: 'filters', role: 'group', 'aria-label': t('history.filter')},
      el('label', {}, t('history.kind'), ' ', kind),
      el('label', {}, t('history.since'), ' ', since),
      el('label', {}, t('history.until'), ' ', until));
  const [followUps, add] = await Promise.all([followUpSection(ctx, () => load(false)),
    canWrite() ? eventForm(ctx, () => load(false)) : null]);
  fill(panel, el('h2', {}, t('tab.historie')), followUps.section,
      el('div', {class: 'panel-head timeline-head'}, el('h3', {}, t('history.timeline')), filters),
      add, status, list, more);
  await load(false);
}
