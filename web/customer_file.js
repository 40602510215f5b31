// The customer file: heading, tab bar, and one tab's panel at a time.
// Switching tabs within one customer keeps the loaded customer.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {t} from './i18n.js';
import {customerHref} from './nav.js';
import * as address from './address.js';
import * as contacts from './contacts.js';
import * as conditions from './conditions.js';
import * as fields from './fields.js';
import * as documents from './documents.js';
import * as notes from './notes.js';
import * as history from './history.js';

const kTabs = {
  adresse: address.render,
  ansprechpartner: contacts.render,
  konditionen: conditions.render,
  felder: fields.render,
  dokumente: documents.render,
  notizen: notes.render,
  historie: history.render,
  statistik: (panel) => fill(panel, el('p', {class: 'muted'}, t('statistics.placeholder'))),
};

// The file on screen: {id, root, customer, ...}; null when none is shown.
let current = null;

function heading(customer) {
  return [customer.display_name || customer.number,
    customer.archived_at ? ' (' + t('customer.archived') + ')' : ''].join('');
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
  const panel = current.root.querySelector('#tab-panel');
  panel.setAttribute('aria-labelledby', 'tab-' + tab);
  fill(panel, el('p', {class: 'muted'}, t('app.loading')));
  const ctx = {
    customer: current.customer,
    params,
    // After a change to the master data: new heading, new version.
    setCustomer(customer) {
      current.customer = customer;
      ctx.customer = customer;
      current.root.querySelector('#customer-name').textContent = heading(customer);
    },
  };
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
      el('div', {class: 'file-head'},
          el('h1', {id: 'customer-name'}, heading(customer)),
          el('p', {class: 'muted'}, [customer.number, t('kind.' + customer.kind), customer.city]
              .filter(Boolean).join(' · '))),
      tabBar(id),
      el('div', {id: 'tab-panel', class: 'tab-panel', role: 'tabpanel'}));
  fill(view, root);
  current = {id, root, customer};
  showTab(tab, params);
}
