// Eingang: documents no customer was found for, each with a customer
// picker to file it.

import * as api from './api.js';
import {debounce, el, errorText, fill} from './dom.js';
import {formatBytes, formatDateTime, t} from './i18n.js';
import {canWrite} from './session.js';

// A filter box and a select of matching customers.
function customerPicker(docId) {
  const filter = el('input', {type: 'search', id: 'assign-filter-' + docId, autocomplete: 'off',
    placeholder: t('inbox.find_customer'), 'aria-label': t('inbox.find_customer')});
  const select = el('select', {id: 'assign-customer-' + docId, 'aria-label': t('inbox.customer')});
  const fillChoices = async () => {
    const answer = await api.get('/customers', {filter: filter.value.trim(), limit: 30, sort: 'name'});
    fill(select, el('option', {value: ''}, t('inbox.choose_customer')),
        answer.items.map((c) => el('option', {value: String(c.id)}, c.number + ' · ' + c.display_name)));
  };
  filter.addEventListener('input', debounce(() => fillChoices().catch(() => {}), 200));
  fillChoices().catch(() => {});
  return {filter, select};
}

function item(doc, reload) {
  const preview = el('a', {href: api.contentUrl(doc.id, true), target: '_blank', rel: 'noopener'},
      doc.title || doc.filename);
  let assign = null;
  if (canWrite()) {
    const {filter, select} = customerPicker(doc.id);
    const button = el('button', {type: 'submit', class: 'primary'}, t('inbox.assign'));
    const error = el('p', {class: 'error', role: 'alert'});
    assign = el('form', {class: 'assign'}, filter, select, button, error);
    assign.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!select.value) {
        error.textContent = t('inbox.no_customer');
        return;
      }
      button.disabled = true;
      try {
        await api.post('/documents/' + doc.id + '/assign', {customer_id: parseInt(select.value, 10)});
        await reload();
      } catch (failure) {
        error.textContent = errorText(failure);
        button.disabled = false;
      }
    });
  }
  return el('li', {class: 'inbox-item card', dataset: {id: String(doc.id)}},
      el('h3', {}, preview),
      el('p', {class: 'muted'}, [doc.filename, formatBytes(doc.size), formatDateTime(doc.uploaded_at),
        doc.uploaded_by].filter(Boolean).join(' · ')),
      doc.inbox_reason ? el('p', {class: 'reason'}, doc.inbox_reason) : null,
      assign);
}

export async function render(view) {
  const list = el('ul', {id: 'inbox-list', class: 'cards'});
  fill(view, el('section', {id: 'inbox'}, el('h1', {}, t('nav.inbox')), list));
  async function reload() {
    const answer = await api.get('/inbox', {limit: 200});
    fill(list, answer.items.length ? answer.items.map((doc) => item(doc, reload))
        : el('li', {class: 'empty muted'}, t('inbox.empty')));
  }
  try {
    await reload();
  } catch (error) {
    fill(list, el('li', {class: 'error'}, errorText(error)));
  }
}
