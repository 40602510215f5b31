// The customer list: filter as you type, sort by column, "Neu" form.

import * as api from './api.js';
import {customerForm} from './customer_form.js';
import {debounce, el, errorText, fill} from './dom.js';
import {formatNumber, t} from './i18n.js';
import {customerHref, navigate} from './nav.js';
import {canWrite} from './session.js';
import {kStatuses, statusLabel} from './pipeline.js';

const kLimit = 200;
// Kept while the page lives, so coming back shows the same list.
// show: '' (all), 'customer', 'prospect' or 'prospect:<pipeline status>'.
const state = {filter: '', sort: 'number', order: 'asc', show: ''};
let requestSeq = 0;

function row(customer) {
  const open = () => navigate(customerHref(customer.id));
  const tr = el('tr', {class: 'customer-row', tabindex: '0', dataset: {id: String(customer.id)}},
      el('td', {}, customer.number),
      el('td', {}, el('a', {href: customerHref(customer.id), tabindex: '-1'}, customer.display_name)),
      el('td', {}, [customer.postal_code, customer.city].filter(Boolean).join(' ')),
      el('td', {dataset: {status: customer.pipeline_status || ''}},
          customer.kind === 'prospect' && customer.pipeline_status
            ? t('kind.prospect') + ' · ' + statusLabel(customer.pipeline_status)
            : t('kind.' + customer.kind)));
  tr.addEventListener('click', (event) => {
    if (!event.target.closest('a')) open();
  });
  tr.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') open();
  });
  return tr;
}

function header(table, load) {
  const cell = (key, label) => {
    if (!key) return el('th', {scope: 'col'}, label);
    const active = state.sort === key;
    const button = el('button', {type: 'button', class: 'sort', dataset: {sort: key}},
        label, active ? (state.order === 'asc' ? ' ▲' : ' ▼') : '');
    button.addEventListener('click', () => {
      state.order = active && state.order === 'asc' ? 'desc' : 'asc';
      state.sort = key;
      fill(table.tHead, header(table, load));
      load();
    });
    return el('th', {scope: 'col', 'aria-sort': active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none'},
        button);
  };
  return el('tr', {}, cell('number', t('customer.number')), cell('name', t('customer.name')),
      cell('city', t('customer.city')), cell(null, t('customer.kind')));
}

function newCustomerPanel(panel, newButton) {
  const {form, submit, values, showError} = customerForm('customer-form', {kind: 'customer'}, t('action.create'));
  const cancel = el('button', {type: 'button'}, t('action.cancel'));
  cancel.addEventListener('click', () => {
    fill(panel);
    newButton.focus();
  });
  form.querySelector('.actions').append(cancel);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = values();
    // An empty list or text is the default anyway; send only what was typed.
    for (const key of Object.keys(body)) {
      if (body[key] === '' || (Array.isArray(body[key]) && !body[key].length)) delete body[key];
    }
    submit.disabled = true;
    try {
      const created = await api.post('/customers', body);
      navigate(customerHref(created.id));
    } catch (error) {
      showError(error);
    } finally {
      submit.disabled = false;
    }
  });
  fill(panel, el('section', {class: 'card'}, el('h2', {}, t('customers.new_title')), form));
  form.querySelector('input,select,textarea').focus();
}

// Which customers to list: all, customers, prospects, or prospects at one
// pipeline status.
function kindFilter(load) {
  const select = el('select', {id: 'customer-kind-filter', 'aria-label': t('customers.kind_filter')},
      el('option', {value: ''}, t('customers.all_kinds')),
      el('option', {value: 'customer'}, t('customers.only_customers')),
      el('option', {value: 'prospect'}, t('customers.only_prospects')),
      kStatuses.map((s) => el('option', {value: 'prospect:' + s},
          t('customers.prospects_at', {status: statusLabel(s)}))));
  select.value = state.show;
  select.addEventListener('change', () => {
    state.show = select.value;
    load();
  });
  return select;
}

export function render(view) {
  const filter = el('input', {
    id: 'customer-filter', type: 'search', value: state.filter, autocomplete: 'off',
    placeholder: t('customers.filter_placeholder'), 'aria-label': t('customers.filter'),
  });
  const table = el('table', {id: 'customer-list', class: 'list'}, el('thead'), el('tbody'));
  const status = el('p', {class: 'muted', 'aria-live': 'polite'});
  const panel = el('div', {class: 'new-panel'});
  const newButton = canWrite() ? el('button', {type: 'button', id: 'customer-new', class: 'primary'},
      t('customers.new')) : null;

  async function load() {
    const seq = ++requestSeq;
    try {
      const [kind, pipelineStatus] = state.show.split(':');
      const answer = await api.get('/customers', {filter: state.filter, sort: state.sort,
        order: state.order, limit: kLimit, kind, pipeline_status: pipelineStatus});
      if (seq !== requestSeq) return;  // a newer request is on its way
      fill(table.tBodies[0], answer.items.map(row));
      status.textContent = answer.total === 0 ? t('customers.empty')
          : t('customers.count', {shown: formatNumber(answer.items.length), total: formatNumber(answer.total)});
    } catch (error) {
      if (seq === requestSeq) status.textContent = errorText(error);
    }
  }

  fill(table.tHead, header(table, load));
  filter.addEventListener('input', debounce(() => {
    state.filter = filter.value.trim();
    load();
  }, 200));
  if (newButton) newButton.addEventListener('click', () => newCustomerPanel(panel, newButton));

  fill(view, el('section', {id: 'customers'},
      el('div', {class: 'page-head'}, el('h1', {}, t('nav.customers')), newButton),
      panel,
      el('div', {class: 'list-filters'}, filter, kindFilter(load)), status,
      el('div', {class: 'table-wrap'}, table)));
  load();
}
