// The customer file: heading (with archiving), tab bar, and one tab's panel
// at a time. Switching tabs within one customer keeps the loaded customer.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {formatDateTime, t} from './i18n.js';
import {customerHref} from './nav.js';
import {canWrite} from './session.js';
import * as address from './address.js';
import * as contacts from './contacts.js';
import * as conditions from './conditions.js';
import * as fields from './fields.js';
import * as documents from './documents.js';
import * as notes from './notes.js';
import * as history from './history.js';
import * as agenda from './customer_agenda.js';
import * as statistics from './statistics.js';
import * as pipeline from './pipeline.js';

const kTabs = {
  adresse: address.render,
  ansprechpartner: contacts.render,
  konditionen: conditions.render,
  felder: fields.render,
  dokumente: documents.render,
  notizen: notes.render,
  historie: history.render,
  aufgaben: agenda.render,
  statistik: statistics.render,
};

// The file on screen: {id, root, customer, ctx (the open tab's)}; null when
// none is shown.
let current = null;

function heading(customer) {
  return [customer.display_name || customer.number,
    customer.archived_at ? ' (' + t('customer.archived') + ')' : ''].join('');
}

// Name, number and kind; for an archived customer a notice, else (for
// writers) the button that archives it; for a prospect its sales pipeline.
function fileHead(customer, notice = '') {
  const archive = canWrite() && !customer.archived_at
      ? el('button', {type: 'button', id: 'customer-archive', onclick: () => archiveCustomer()},
          t('archive.action')) : null;
  return el('div', {class: 'file-head'},
      el('div', {class: 'page-head'},
          el('h1', {id: 'customer-name'}, heading(customer)), archive),
      el('p', {class: 'muted'}, [customer.number, t('kind.' + customer.kind), customer.city]
          .filter(Boolean).join(' · ')),
      pipeline.box(customer, pipelineChanged, notice),
      customer.archived_at
          ? el('p', {id: 'archived-notice', class: 'archived-notice', role: 'status', tabindex: '-1'},
              t('archive.notice', {time: formatDateTime(customer.archived_at)}))
          : null,
      el('p', {id: 'archive-error', class: 'error', role: 'alert'}));
}

// Shows `customer` in the head and hands it to the open tab (after an edit
// or archiving: a new version).
function showCustomer(file, customer, notice = '') {
  file.customer = customer;
  if (file.ctx) file.ctx.customer = customer;
  file.root.querySelector('.file-head').replaceWith(fileHead(customer, notice));
}

// After a status change or a conversion: the new head, and the open tab
// anew (the history has a new entry, the form a new version).
function pipelineChanged(customer, notice) {
  const file = current;
  if (!file) return;
  showCustomer(file, customer, notice);
  const open = file.root.querySelector('button[data-tab][aria-selected="true"]');
  showTab(open ? open.dataset.tab : 'adresse', new URLSearchParams());
}

// Asks first: an archived customer leaves the customer list.
async function archiveCustomer() {
  const file = current;
  const customer = file.customer;
  if (!window.confirm(t('archive.confirm', {name: heading(customer)}))) return;
  const button = file.root.querySelector('#customer-archive');
  button.disabled = true;
  try {
    const answer = await api.post('/customers/' + customer.id + '/archive', undefined,
        {ifMatch: customer.version});
    if (answer && answer.conflict) {
      // Changed meanwhile: show what is stored now and let the user look again.
      showCustomer(file, answer.current);
      if (!answer.current.archived_at) {
        file.root.querySelector('#archive-error').textContent = t('archive.conflict');
      }
      return;
    }
    showCustomer(file, answer);
    file.root.querySelector('#archived-notice').focus();
  } catch (error) {
    button.disabled = false;
    file.root.querySelector('#archive-error').textContent = errorText(error);
  }
}

function tabBar(id) {
  return el('div', {class: 'tabs', role: 'tablist', 'aria-label': t('file.tabs')},
      Object.keys(kTabs).map((tab) => el('button', {
        type: 'button', role: 'tab', dataset: {tab}, id: 'tab-' + tab, 'aria-controls': 'tab-panel',
        onclick: () => {
          location.hash = customerHref(id, tab);
        },
        onkeydown: (event) => moveFocus(event),
      }, t('tab.' + tab))));
}

// Arrow keys move between tabs, as in any tab bar.
function moveFocus(event) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const buttons = [...event.currentTarget.parentElement.querySelectorAll('button[data-tab]')];
  const at = buttons.indexOf(event.currentTarget);
  const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  next.focus();
  next.click();
}

function showTab(tab, params) {
  const render = kTabs[tab] || kTabs.adresse;
  for (const button of current.root.querySelectorAll('button[data-tab]')) {
    const selected = button.dataset.tab === tab;
    button.setAttribute('aria-selected', selected ? 'true' : 'false');
    button.tabIndex = selected ? 0 : -1;
  }
  // A new panel for every tab: what a slower tab before it still renders
  // goes into the old, detached one.
  const panel = el('div', {id: 'tab-panel', class: 'tab-panel', role: 'tabpanel',
    'aria-labelledby': 'tab-' + tab}, el('p', {class: 'muted'}, t('app.loading')));
  current.root.querySelector('#tab-panel').replaceWith(panel);
  const file = current;
  const ctx = {
    customer: current.customer,
    params,
    // After a change to the master data: new heading, new version.
    setCustomer(customer) {
      showCustomer(file, customer);
    },
  };
  file.ctx = ctx;
  Promise.resolve(render(panel, ctx)).catch((error) => {
    fill(panel, el('p', {class: 'error', role: 'alert'}, errorText(error)));
  });
}

// Makes the next render build the file anew (after a language change).
export function forget() {
  current = null;
}

export async function render(view, idText, tab, params = new URLSearchParams()) {
  const id = parseInt(idText, 10);
  if (current && current.id === id && current.root.isConnected) {
    showTab(tab, params);
    return;
  }
  current = null;
  fill(view, el('p', {class: 'muted'}, t('app.loading')));
  let customer;
  try {
    customer = await api.get('/customers/' + id);
  } catch (error) {
    fill(view, el('section', {id: 'customer-file'},
        el('h1', {}, error.status === 404 ? t('file.not_found') : t('error.title')),
        el('p', {class: 'error', role: 'alert'}, errorText(error)),
        el('p', {}, el('a', {href: '#/customers'}, t('nav.customers')))));
    return;
  }
  const root = el('section', {id: 'customer-file', dataset: {id: String(id)}},
      fileHead(customer),
      tabBar(id),
      el('div', {id: 'tab-panel', class: 'tab-panel', role: 'tabpanel'}));
  fill(view, root);
  current = {id, root, customer};
  showTab(tab, params);
}
