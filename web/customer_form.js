// The customer's master data as a form, for "Neu" (POST) and for editing
// (PATCH). The API's error.field decides where a message is shown.

import {el} from './dom.js';
import {errorDisplay} from './forms.js';
import {t} from './i18n.js';

// name → input kind; the order is the form's order.
const kFields = [
  ['number', 'text'], ['kind', 'kind'], ['company', 'text'], ['legal_form', 'text'],
  ['salutation', 'text'], ['first_name', 'text'], ['last_name', 'text'],
  ['street', 'text'], ['postal_code', 'text'], ['city', 'text'], ['country', 'text'],
  ['emails', 'lines'], ['phones', 'phones'], ['website', 'text'], ['birthday', 'date'],
  ['remarks', 'textarea'],
];

export const kFieldNames = kFields.map(([name]) => name);

// Phones are edited one per line; "mobil: …" and "fax: …" set the kind.
export function phonesToText(phones) {
  return (phones || []).map((p) => (p.kind === 'mobile' ? 'mobil: ' : p.kind === 'fax' ? 'fax: ' : '') +
      p.number).join('\n');
}

export function textToPhones(text) {
  return lines(text).map((line) => {
    const match = /^(mobil|mobile|handy|fax|tel|telefon|phone)\s*:\s*(.*)$/i.exec(line);
    if (!match) return {kind: 'phone', number: line};
    const kind = match[1].toLowerCase();
    return {kind: kind === 'fax' ? 'fax' : /^(mobil|mobile|handy)$/.test(kind) ? 'mobile' : 'phone',
      number: match[2]};
  });
}

function lines(text) {
  return String(text || '').split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
}

// A field's value as the API shows it, for comparing and for the conflict view.
export function displayValue(name, value) {
  if (name === 'emails') return (value || []).join(', ');
  if (name === 'phones') return phonesToText(value).replace(/\n/g, ', ');
  if (name === 'kind') return value ? t('kind.' + value) : '';
  return value === undefined || value === null ? '' : String(value);
}

function inputFor(name, type, value, formId) {
  const id = formId + '-' + name.replace(/_/g, '-');
  if (type === 'kind') {
    const select = el('select', {id, name},
        el('option', {value: 'customer'}, t('kind.customer')),
        el('option', {value: 'prospect'}, t('kind.prospect')));
    select.value = value || 'customer';
    return select;
  }
  if (type === 'textarea' || type === 'lines' || type === 'phones') {
    const text = type === 'lines' ? (value || []).join('\n') : type === 'phones' ? phonesToText(value) : value;
    return el('textarea', {id, name, rows: type === 'textarea' ? 4 : 2, value: text || ''});
  }
  return el('input', {id, name, type: type === 'date' ? 'date' : 'text', value: value || '',
    autocomplete: 'off', maxlength: name === 'country' ? 2 : null});
}

// Builds the form. customer: the record to start from (or {} for a new one).
// Returns {form, values(), showError(error), clearErrors(), setValues(c)}.
export function customerForm(formId, customer, submitLabel) {
  const inputs = {};
  const errors = {};
  const form = el('form', {id: formId, class: 'record-form', novalidate: true});
  const general = el('p', {class: 'error form-error', role: 'alert'});
  const grid = el('div', {class: 'form-grid'});
  for (const [name, type] of kFields) {
    const input = inputFor(name, type, customer[name], formId);
    const error = el('p', {class: 'field-error', id: input.id + '-error', 'data-field': name});
    input.setAttribute('aria-describedby', error.id);
    const hint = type === 'lines' ? t('form.one_per_line') : type === 'phones' ? t('form.phones_hint') : '';
    grid.append(el('div', {class: 'field field-' + name + (type === 'textarea' ? ' wide' : '')},
        el('label', {for: input.id}, t('customer.' + name)), input,
        hint ? el('small', {class: 'muted'}, hint) : null, error));
    inputs[name] = input;
    errors[name] = error;
  }
  const submit = el('button', {type: 'submit', class: 'primary'}, submitLabel);
  form.append(general, grid, el('div', {class: 'actions'}, submit));

  function values() {
    const out = {};
    for (const [name, type] of kFields) {
      const raw = inputs[name].value;
      if (type === 'lines') out[name] = lines(raw);
      else if (type === 'phones') out[name] = textToPhones(raw);
      else out[name] = type === 'textarea' ? raw : raw.trim();
    }
    if (out.country) out.country = out.country.toUpperCase();
    return out;
  }

  const {clearErrors, showError} = errorDisplay(general, inputs, errors);

  function setValues(record) {
    for (const [name, type] of kFields) {
      const value = record[name];
      if (type === 'lines') inputs[name].value = (value || []).join('\n');
      else if (type === 'phones') inputs[name].value = phonesToText(value);
      else if (type === 'kind') inputs[name].value = value || 'customer';
      else inputs[name].value = value || '';
    }
  }

  return {form, submit, values, showError, clearErrors, setValues};
}

// The fields of edited whose value differs from base (what PATCH sends).
export function changedFields(base, edited) {
  const changes = {};
  for (const name of kFieldNames) {
    if (JSON.stringify(normalize(name, base[name])) !== JSON.stringify(normalize(name, edited[name]))) {
      changes[name] = edited[name];
    }
  }
  return changes;
}

function normalize(name, value) {
  if (name === 'emails') return value || [];
  if (name === 'phones') return (value || []).map((p) => ({kind: p.kind || 'phone', number: p.number}));
  return value === undefined || value === null ? '' : value;
}
