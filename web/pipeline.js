// The sales pipeline of a prospect ("Interessent") in the customer file's
// head: its status with a way to move it (and a remark for the history),
// and the button that makes it a customer. A converted customer shows when
// it was won.

import * as api from './api.js';
import {el, errorText} from './dom.js';
import {formatDateTime, t} from './i18n.js';
import {canWrite} from './session.js';

// In their usual order.
export const kStatuses = ['new', 'contacted', 'offer_sent', 'won', 'lost'];

export function statusLabel(status) {
  return kStatuses.includes(status) ? t('pipeline.' + status) : status;
}

// An answer to a change: the customer as stored now, or (412) as stored by
// someone else meanwhile, with a notice to look again.
function settle(answer, changed, notice) {
  if (answer && answer.conflict) {
    changed(answer.current, t('pipeline.conflict'));
    return;
  }
  changed(answer, notice);
}

function statusForm(customer, changed, status) {
  const select = el('select', {id: 'pipeline-status', 'aria-label': t('pipeline.status')},
      kStatuses.map((s) => el('option', {value: s, selected: s === customer.pipeline_status},
          statusLabel(s))));
  const remark = el('input', {id: 'pipeline-remark', type: 'text', maxlength: '2000',
    placeholder: t('pipeline.remark'), 'aria-label': t('pipeline.remark')});
  const submit = el('button', {type: 'submit', id: 'pipeline-save'}, t('pipeline.change'));
  const form = el('form', {id: 'pipeline-form', class: 'pipeline-form inline-form'},
      el('label', {for: 'pipeline-status'}, t('pipeline.status')), select, remark, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (select.value === customer.pipeline_status) {
      status.textContent = t('pipeline.unchanged');
      return;
    }
    submit.disabled = true;
    status.textContent = '';
    try {
      const answer = await api.post('/customers/' + customer.id + '/pipeline',
          {status: select.value, remark: remark.value.trim()}, {ifMatch: customer.version});
      settle(answer, changed, t('pipeline.changed', {status: statusLabel(select.value)}));
    } catch (error) {
      submit.disabled = false;
      status.textContent = errorText(error);
    }
  });
  return form;
}

// Asks first; the new number is optional (empty: it keeps its number).
function convertForm(customer, changed, status) {
  const number = el('input', {id: 'convert-number', type: 'text', maxlength: '40',
    placeholder: t('pipeline.convert_number', {number: customer.number}),
    'aria-label': t('pipeline.convert_number', {number: customer.number})});
  const submit = el('button', {type: 'submit', id: 'pipeline-convert', class: 'primary'},
      t('pipeline.convert'));
  const form = el('form', {id: 'convert-form', class: 'pipeline-form inline-form'}, number, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const newNumber = number.value.trim();
    const name = customer.display_name || customer.number;
    if (!window.confirm(t('pipeline.convert_confirm', {name, number: newNumber || customer.number}))) {
      return;
    }
    submit.disabled = true;
    status.textContent = '';
    try {
      const answer = await api.post('/customers/' + customer.id + '/convert',
          newNumber ? {number: newNumber} : {}, {ifMatch: customer.version});
      settle(answer, changed, t('pipeline.converted', {number: newNumber || customer.number}));
    } catch (error) {
      submit.disabled = false;
      status.textContent = errorText(error);
    }
  });
  return form;
}

// The box for the file's head; `changed(customer, notice)` gets the stored
// customer after a change. Nothing for a customer that never was a prospect.
export function box(customer, changed, notice = '') {
  const status = el('p', {id: 'pipeline-notice', class: 'notice', role: 'status',
    'aria-live': 'polite'}, notice);
  if (customer.kind !== 'prospect') {
    if (!customer.converted_at) return notice ? status : null;
    return el('div', {id: 'pipeline', class: 'pipeline'},
        el('p', {id: 'pipeline-converted', class: 'muted'},
            t('pipeline.converted_at', {time: formatDateTime(customer.converted_at)})), status);
  }
  const current = el('p', {class: 'pipeline-current'}, t('pipeline.status') + ': ',
      el('strong', {id: 'pipeline-current', dataset: {status: customer.pipeline_status}},
          statusLabel(customer.pipeline_status)));
  const writable = canWrite() && !customer.archived_at;
  return el('div', {id: 'pipeline', class: 'pipeline'}, current,
      writable ? statusForm(customer, changed, status) : null,
      writable ? convertForm(customer, changed, status) : null, status);
}
