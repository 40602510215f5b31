// The forms of the "Statistik" tab for writers: a new business record
// ("Beleg erfassen") and a payment of an open invoice ("Zahlung erfassen").
// Amounts are typed in euros in the user's language and sent as cents.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {formatMoney, formatNumber, getLanguage, parseDecimal, t, toDateTimeInputs} from './i18n.js';
import {carriesAmounts, kindLabel, kRecordKinds, needsPredecessor, predecessorKinds, recordKindLabel,
  recordTitle} from './record_kinds.js';

// The German VAT's standard rate, the tax suggested for a net amount.
const kTaxRate = 0.19;

// The API's field names → the forms' own for the amounts in euros.
const kRecordFields = {net_cents: 'net', tax_cents: 'tax', gross_cents: 'net', fee_cents: 'fee'};
const kPaymentFields = {amount_cents: 'amount'};

// Cents from euros as typed ("1.190,00" in German); throws {field, message}
// for text that is no amount, or for none where one is `required`.
function cents(text, field, required = true) {
  if (text === '' && !required) return 0;
  const euros = parseDecimal(text);
  if (isNaN(euros)) throw {field, message: t('records.bad_amount')};
  return Math.round(euros * 100);
}

// 119000 → "1.190,00": an amount as the inputs take it.
function euroText(amountCents) {
  return formatNumber(amountCents / 100, 2);
}

// Shows an error next to its field: the API's field names are mapped by
// `formFields`, and the German view explains record fields with its own
// texts (the customer's texts for "number" or "subject" would mislead).
function showFieldError(showError, formFields) {
  return (error) => {
    const field = error.field ? (formFields[error.field] || error.field) : null;
    const key = 'records.error.' + error.code + '.' + error.field;
    const explained = error.code && error.field && getLanguage() === 'de' && t(key) !== key;
    showError({field, message: explained ? t(key, {detail: error.message})
        : errorText({code: error.code, status: error.status, message: error.message})});
  };
}

function recordBody(v) {
  if (!v.record_date) throw {field: 'record_date', message: t('records.bad_date')};
  const body = {kind: v.kind, number: v.number, record_date: v.record_date, subject: v.subject};
  if (carriesAmounts(v.kind)) {
    body.net_cents = cents(v.net, 'net');
    body.tax_cents = cents(v.tax, 'tax', false);
  }
  if (v.kind === 'invoice' && v.due_date) body.due_date = v.due_date;
  if (predecessorKinds(v.kind).length && v.previous_id) body.previous_id = Number(v.previous_id);
  if (v.kind === 'dunning') {
    body.dunning_level = Number(v.dunning_level);
    body.fee_cents = cents(v.fee, 'fee', false);
  }
  return body;
}

// Suggests 19 % tax for the net amount until the user types a tax himself,
// and shows the gross amount.
function suggestTax(inputs, gross) {
  let typed = false;
  const showGross = () => {
    const net = parseDecimal(inputs.net.value);
    const tax = inputs.tax.value.trim() === '' ? 0 : parseDecimal(inputs.tax.value);
    gross.textContent = isNaN(net) || isNaN(tax) ? ''
        : t('records.form_gross', {amount: formatMoney(Math.round(net * 100) + Math.round(tax * 100))});
  };
  inputs.net.addEventListener('input', () => {
    if (!typed) {
      const net = parseDecimal(inputs.net.value);
      inputs.tax.value = isNaN(net) ? '' : euroText(Math.round(net * 100 * kTaxRate));
    }
    showGross();
  });
  inputs.tax.addEventListener('input', () => {
    typed = inputs.tax.value.trim() !== '';
    showGross();
  });
}

// Shows the fields the chosen kind has, and as predecessors the records it
// may follow (newest first; for credit notes and dunning letters only
// invoices that still owe money).
function showKind(inputs, records, clearErrors) {
  const kind = inputs.kind.value;
  const fieldOf = (name) => inputs[name].closest('.field');
  fieldOf('net').hidden = fieldOf('tax').hidden = !carriesAmounts(kind);
  fieldOf('due_date').hidden = kind !== 'invoice';
  fieldOf('dunning_level').hidden = fieldOf('fee').hidden = kind !== 'dunning';
  fieldOf('number').querySelector('small').hidden = kind !== 'dunning';
  const kinds = predecessorKinds(kind);
  fieldOf('previous_id').hidden = !kinds.length;
  const candidates = records.filter((r) => kinds.includes(r.kind) &&
      (!needsPredecessor(kind) || r.outstanding_cents > 0));
  fill(inputs.previous_id,
      el('option', {value: ''},
          t(needsPredecessor(kind) ? 'records.form_previous_choose' : 'records.form_previous_none')),
      candidates.reverse().map((r) => el('option', {value: String(r.id)}, recordTitle(r))));
  clearErrors();
}

// "Beleg erfassen", folded; `records`: the customer's (oldest first), to
// pick a predecessor from. `onSaved(text)` runs after the record was stored.
export function recordForm(customerId, records, onSaved) {
  const {form, submit, inputs, values, showError, clearErrors} = simpleForm('record-form', [
    {name: 'kind', label: t('records.form_kind'), type: 'select', value: 'invoice',
      options: kRecordKinds.map((kind) => [kind, kindLabel(kind)])},
    {name: 'number', label: t('records.form_number'), hint: t('records.form_number_hint')},
    {name: 'record_date', label: t('records.form_date'), type: 'date', value: toDateTimeInputs().date,
      required: true},
    {name: 'subject', label: t('records.form_subject')},
    {name: 'net', label: t('records.form_net')},
    {name: 'tax', label: t('records.form_tax'), hint: t('records.form_tax_hint')},
    {name: 'due_date', label: t('records.form_due'), type: 'date', hint: t('records.form_due_hint')},
    {name: 'previous_id', label: t('records.form_previous'), type: 'select', options: []},
    {name: 'dunning_level', label: t('records.form_level'), type: 'select',
      options: [['1', '1'], ['2', '2'], ['3', '3']]},
    {name: 'fee', label: t('records.form_fee')},
  ], t('records.save'));
  for (const name of ['net', 'tax', 'fee']) inputs[name].setAttribute('inputmode', 'decimal');
  const gross = el('p', {id: 'record-form-gross', class: 'muted small', 'aria-live': 'polite'});
  inputs.tax.closest('.field').append(gross);
  suggestTax(inputs, gross);
  inputs.kind.addEventListener('change', () => showKind(inputs, records, clearErrors));
  showKind(inputs, records, clearErrors);
  handleSubmit(form, submit, showFieldError(showError, kRecordFields), async () => {
    const created = await api.post('/customers/' + customerId + '/records', recordBody(values()));
    await onSaved(t('records.saved', {kind: recordKindLabel(created), number: created.number}));
  });
  return el('details', {class: 'add card', id: 'record-add'}, el('summary', {}, t('records.add')), form);
}

// "Zahlung erfassen" for one open invoice: the date defaults to today (in
// the firm's time zone), the amount to what is still owed. `onSaved(text)`
// runs after the payment was stored; `onCancel` closes the form.
export function paymentForm(invoice, onSaved, onCancel) {
  const {form, submit, inputs, values, showError} = simpleForm('payment-form-' + invoice.id, [
    {name: 'paid_on', label: t('payments.paid_on'), type: 'date', value: toDateTimeInputs().date,
      required: true},
    {name: 'amount', label: t('payments.amount'), value: euroText(invoice.outstanding_cents)},
    {name: 'note', label: t('payments.note')},
  ], t('payments.save'));
  inputs.amount.setAttribute('inputmode', 'decimal');
  form.classList.add('payment-form');
  form.setAttribute('aria-label', t('payments.add_named', {number: invoice.number}));
  form.querySelector('.actions').append(el('button', {type: 'button', onclick: onCancel},
      t('action.cancel')));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onCancel();
  });
  handleSubmit(form, submit, showFieldError(showError, kPaymentFields), async () => {
    const v = values();
    if (!v.paid_on) throw {field: 'paid_on', message: t('records.bad_date')};
    const amount = cents(v.amount, 'amount');
    await api.post('/records/' + invoice.id + '/payments',
        {paid_on: v.paid_on, amount_cents: amount, note: v.note});
    await onSaved(t('payments.saved', {amount: formatMoney(amount), number: invoice.number}));
  });
  return form;
}
