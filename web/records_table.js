// The business records ("Belege") of the "Statistik" tab as a table, oldest
// first: date, kind, number, subject, amount, and for invoices the due date
// and payment state. Writers open a payment form under an open invoice.

import * as api from './api.js';
import {el} from './dom.js';
import {formatDate, formatMoney, t} from './i18n.js';
import {isOverdue, recordKindLabel} from './record_kinds.js';
import {paymentForm} from './records_form.js';

const kColumns = ['records.date', 'records.kind', 'records.number', 'records.subject',
  'records.amount', 'records.due', 'records.status'];

// Gross for papers with amounts; a dunning letter's fee; nothing for a
// delivery note.
function amount(record) {
  if (record.kind === 'dunning') {
    return record.fee_cents ? t('records.fee', {amount: formatMoney(record.fee_cents)}) : '';
  }
  return record.kind === 'delivery_note' ? '' : formatMoney(record.gross_cents);
}

// "teilweise bezahlt · überfällig", and what is still open.
function paymentState(record, asOf) {
  if (record.kind !== 'invoice') return null;
  return [
    el('span', {class: 'payment-status status-' + record.payment_status},
        t('record.status.' + record.payment_status)),
    isOverdue(record, asOf) ? [' · ', el('strong', {class: 'overdue'}, t('record.overdue'))] : null,
    record.payment_status === 'partly_paid'
        ? el('div', {class: 'muted small'}, t('records.outstanding', {amount: formatMoney(record.outstanding_cents)}))
        : null,
  ];
}

// Opens the payment form in a row under the invoice's, or closes it.
function togglePayment(invoice, row, button, onSaved) {
  const open = row.nextElementSibling;
  if (open && open.classList.contains('payment-row')) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const close = () => {
    formRow.remove();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  const formRow = el('tr', {class: 'payment-row'},
      el('td', {colspan: String(kColumns.length + 1)}, paymentForm(invoice, onSaved, close)));
  row.after(formRow);
  button.setAttribute('aria-expanded', 'true');
  formRow.querySelector('input').focus();
}

function recordRow(record, {asOf, focusId, onSaved}) {
  const paper = record.document_id
      ? el('a', {href: api.contentUrl(record.document_id, true), target: '_blank', rel: 'noopener',
        class: 'record-document', title: t('records.document_named', {number: record.number})},
      t('records.document'))
      : null;
  const pay = onSaved && record.kind === 'invoice' && record.outstanding_cents > 0
      ? el('button', {type: 'button', class: 'payment-add', 'aria-expanded': 'false',
        'aria-label': t('payments.add_named', {number: record.number})}, t('payments.add'))
      : null;
  const focused = String(record.id) === focusId;
  const row = el('tr', {
    class: 'record-row' + (isOverdue(record, asOf) ? ' overdue-row' : '') + (focused ? ' focused' : ''),
    dataset: {id: String(record.id), kind: record.kind}, tabindex: focused ? '-1' : null,
  },
      el('td', {}, el('time', {datetime: record.record_date}, formatDate(record.record_date))),
      el('td', {}, recordKindLabel(record)),
      el('td', {class: 'record-number'}, record.number),
      el('td', {}, record.subject),
      el('td', {class: 'num'}, amount(record)),
      el('td', {}, record.kind === 'invoice' ? formatDate(record.due_date) : ''),
      el('td', {class: 'record-status'}, paymentState(record, asOf)),
      el('td', {}, el('div', {class: 'row-actions'}, paper, pay)));
  if (pay) pay.addEventListener('click', () => togglePayment(record, row, pay, onSaved));
  return row;
}

// options: {asOf (YYYY-MM-DD, the day "overdue" is judged on), focusId (the
// record to mark, as text), onSaved (for writers: runs with a notice after
// a payment was stored; null for readers)}.
export function recordTable(records, options) {
  const body = el('tbody', {}, records.length
      ? records.map((record) => recordRow(record, options))
      : el('tr', {}, el('td', {colspan: String(kColumns.length + 1), class: 'empty muted'},
          t('records.empty'))));
  return el('div', {class: 'table-wrap'},
      el('table', {id: 'record-list', class: 'list'},
          el('thead', {}, el('tr', {}, kColumns.map((key) => el('th', {scope: 'col'}, t(key))),
              el('th', {scope: 'col'}))),
          body));
}
