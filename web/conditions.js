// Tab "Konditionen": price list, discount, terms, open invoice limit.
// Amounts are cents and basis points in the API, euros and percent here.

import * as api from './api.js';
import {el, fill} from './dom.js';
import {simpleForm} from './forms.js';
import {formatMoney, formatNumber, formatPercent, parseDecimal, t} from './i18n.js';
import {canWrite} from './session.js';

const kEmpty = {price_list: '', discount_basis_points: 0, delivery_terms: '', payment_terms: '',
  open_invoice_limit_cents: null};

function details(c) {
  const row = (label, value) => [el('dt', {}, label), el('dd', {}, value || '—')];
  return el('dl', {class: 'details', id: 'conditions'},
      row(t('conditions.price_list'), c.price_list),
      row(t('conditions.discount'), formatPercent(c.discount_basis_points || 0)),
      row(t('conditions.payment_terms'), c.payment_terms),
      row(t('conditions.delivery_terms'), c.delivery_terms),
      row(t('conditions.open_invoice_limit'), formatMoney(c.open_invoice_limit_cents)));
}

// Form text → API body; throws {field, message} for numbers that are none.
function toBody(v) {
  const discount = v.discount === '' ? 0 : parseDecimal(v.discount);
  if (isNaN(discount)) throw {field: 'discount', message: t('conditions.bad_number')};
  const limit = v.limit === '' ? null : parseDecimal(v.limit);
  if (limit !== null && isNaN(limit)) throw {field: 'limit', message: t('conditions.bad_number')};
  return {price_list: v.price_list, discount_basis_points: Math.round(discount * 100),
    payment_terms: v.payment_terms, delivery_terms: v.delivery_terms,
    open_invoice_limit_cents: limit === null ? null : Math.round(limit * 100)};
}

// The API names fields by their JSON key; the form has its own for two.
const kFormField = {discount_basis_points: 'discount', open_invoice_limit_cents: 'limit'};

function showEdit(panel, state) {
  const c = state.conditions || kEmpty;
  const {form, submit, values, showError} = simpleForm('conditions-form', [
    {name: 'price_list', label: t('conditions.price_list'), value: c.price_list},
    {name: 'discount', label: t('conditions.discount_percent'),
      value: formatNumber((c.discount_basis_points || 0) / 100, 2)},
    {name: 'payment_terms', label: t('conditions.payment_terms'), value: c.payment_terms},
    {name: 'delivery_terms', label: t('conditions.delivery_terms'), value: c.delivery_terms},
    {name: 'limit', label: t('conditions.open_invoice_limit_eur'),
      value: c.open_invoice_limit_cents === null || c.open_invoice_limit_cents === undefined ? ''
          : formatNumber(c.open_invoice_limit_cents / 100, 2)},
  ], t('action.save'));
  const notice = el('div', {class: 'notice', 'aria-live': 'polite'});
  const cancel = el('button', {type: 'button'}, t('action.cancel'));
  cancel.addEventListener('click', () => showView(panel, state));
  form.querySelector('.actions').append(cancel);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      body = toBody(values());
    } catch (error) {
      showError(error);
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api.put('/customers/' + state.customerId + '/conditions', body,
          {ifMatch: state.conditions ? state.conditions.version : undefined});
      if (answer && answer.conflict) {
        // Keep the user's input; saving again is a deliberate overwrite.
        state.conditions = answer.current;
        fill(notice, el('section', {id: 'conflict', class: 'conflict card'},
            el('h3', {}, t('conflict.title')), el('p', {}, t('conditions.conflict')), details(answer.current)));
        return;
      }
      state.conditions = answer;
      showView(panel, state);
    } catch (error) {
      showError({...error, field: kFormField[error.field] || error.field, message: error.message});
    } finally {
      submit.disabled = false;
    }
  });
  fill(panel, el('h2', {}, t('tab.konditionen')), notice, form);
}

function showView(panel, state) {
  const edit = canWrite() ? el('button', {type: 'button', id: 'conditions-edit'}, t('action.edit')) : null;
  if (edit) edit.addEventListener('click', () => showEdit(panel, state));
  fill(panel, el('div', {class: 'panel-head'}, el('h2', {}, t('tab.konditionen')), edit),
      state.conditions ? details(state.conditions) : el('p', {class: 'muted'}, t('conditions.none')));
}

export async function render(panel, ctx) {
  const state = {customerId: ctx.customer.id, conditions: null};
  try {
    state.conditions = await api.get('/customers/' + ctx.customer.id + '/conditions');
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  showView(panel, state);
}
