// Eingang: documents no customer was found for. Each shows the customers
// it most likely belongs to (ranked by the server, with the passage that
// makes them likely) for one-click filing, and a picker for any other.

import * as api from './api.js';
import {debounce, el, errorText, fill} from './dom.js';
import {highlightedNodes} from './highlight.js';
import {formatBytes, formatDate, formatDateTime, t} from './i18n.js';
import {inboxReason} from './inbox_reason.js';
import {canWrite} from './session.js';

const kSuggestions = 3;

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

// One suggested customer: why (its best evidence), and a button to file.
function suggestionItem(suggestion, assign) {
  const customer = suggestion.customer;
  const best = suggestion.evidence[0];
  const button = el('button', {type: 'button', class: 'primary suggestion-assign',
    dataset: {customer: String(customer.id)}}, t('inbox.assign_to', {name: customer.display_name}));
  button.addEventListener('click', () => assign(customer.id, button));
  return el('li', {class: 'suggestion'},
      el('a', {href: '#/customers/' + customer.id}, customer.number + ' · ' + customer.display_name),
      best ? el('p', {class: 'hit-snippet muted'}, best.title ? best.title + ': ' : '',
          highlightedNodes(best.snippet, best.highlights)) : null,
      canWrite() ? button : null);
}

async function loadSuggestions(doc, list, assign) {
  try {
    const answer = await api.get('/documents/' + doc.id + '/suggestions', {limit: kSuggestions});
    fill(list, answer.items.length ? answer.items.map((s) => suggestionItem(s, assign))
        : el('li', {class: 'muted'}, t('inbox.no_suggestions')));
  } catch (failure) {
    // Not in the index yet: it is still being read.
    fill(list, el('li', {class: 'muted'},
        failure.status === 404 ? t('inbox.suggestions_later') : errorText(failure)));
  }
}

function item(doc, reload) {
  const preview = el('a', {href: api.contentUrl(doc.id, true), target: '_blank', rel: 'noopener'},
      doc.title || doc.filename);
  const error = el('p', {class: 'error', role: 'alert'});
  const assign = async (customerId, button) => {
    button.disabled = true;
    error.textContent = '';
    try {
      await api.post('/documents/' + doc.id + '/assign', {customer_id: customerId});
      await reload();
    } catch (failure) {
      error.textContent = errorText(failure);
      button.disabled = false;
    }
  };
  const suggestions = el('ul', {class: 'suggestions', id: 'suggestions-' + doc.id,
    'aria-label': t('inbox.suggestions')});
  loadSuggestions(doc, suggestions, assign);

  let picker = null;
  if (canWrite()) {
    const {filter, select} = customerPicker(doc.id);
    const button = el('button', {type: 'submit'}, t('inbox.assign'));
    picker = el('form', {class: 'assign'}, filter, select, button);
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!select.value) {
        error.textContent = t('inbox.no_customer');
        return;
      }
      assign(parseInt(select.value, 10), button);
    });
  }
  return el('li', {class: 'inbox-item card', dataset: {id: String(doc.id)}},
      el('h3', {}, preview),
      el('p', {class: 'muted'}, [doc.document_date ? formatDate(doc.document_date) : '', doc.filename,
        formatBytes(doc.size), formatDateTime(doc.uploaded_at),
        doc.uploaded_by_name || doc.uploaded_by].filter(Boolean).join(' · ')),
      doc.inbox_reason ? el('p', {class: 'reason'}, inboxReason(doc.inbox_reason)) : null,
      el('h4', {}, t('inbox.suggestions')), suggestions,
      picker ? el('details', {}, el('summary', {}, t('inbox.other_customer')), picker) : null,
      error);
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
