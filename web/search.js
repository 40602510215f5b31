// The search page: hits (or customers with their evidence), facets as
// filters, spelling help.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {highlightedNodes} from './highlight.js';
import {formatDateTime, formatMoney, formatNumber, t} from './i18n.js';
import {customerHref, navigate, searchHref} from './nav.js';

const kPageSize = 20;
const kKindTab = {customer: 'adresse', contact: 'ansprechpartner', document: 'dokumente',
  note: 'notizen', event: 'historie', record: 'historie', task: 'aufgaben',
  appointment: 'aufgaben'};

// Where a hit leads: into its customer's file, on the fitting tab.
function hitHref(hit) {
  if (hit.kind === 'customer') return customerHref(hit.id);
  if (!hit.customer) return hit.kind === 'document' ? '#/inbox' : null;
  const href = customerHref(hit.customer.id, kKindTab[hit.kind] || 'adresse');
  return hit.kind === 'document' ? href + '?doc=' + hit.id : href;
}

function renderHit(hit) {
  const href = hitHref(hit);
  const title = href ? el('a', {class: 'hit-title', href}, hit.title || t('search.untitled'))
                     : el('span', {class: 'hit-title'}, hit.title || t('search.untitled'));
  const meta = el('div', {class: 'hit-meta'},
      el('span', {class: 'hit-kind badge'}, t('kind.' + hit.kind)),
      hit.date ? el('span', {class: 'hit-date'}, formatDateTime(hit.date)) : null,
      hit.page ? el('span', {class: 'hit-page'}, t('search.page', {page: hit.page})) : null,
      hit.customer && hit.kind !== 'customer'
          ? el('a', {class: 'hit-customer', href: customerHref(hit.customer.id)}, hit.customer.name)
          : null,
      hit.detail ? el('span', {class: 'hit-detail'}, hit.detail) : null,
      hit.amount_cents != null ? el('span', {class: 'hit-amount'}, formatMoney(hit.amount_cents)) : null,
      hit.payment_status
          ? el('span', {class: 'hit-status badge'}, t('record.status.' + hit.payment_status))
          : null);
  return el('li', {class: 'hit'}, el('h3', {}, title), meta,
      hit.snippet ? el('p', {class: 'hit-snippet'}, highlightedNodes(hit.snippet, hit.highlights)) : null);
}

function renderCustomerResult(entry) {
  const customer = entry.customer || {};
  return el('li', {class: 'customer-result'},
      el('h3', {}, el('a', {class: 'customer-result-name', href: customerHref(customer.id)},
          customer.display_name || customer.number)),
      el('p', {class: 'muted'}, [customer.number, customer.city].filter(Boolean).join(' · '),
          ' — ', t('search.matching_items', {count: entry.matching_items})),
      el('ul', {class: 'hits evidence'}, (entry.evidence || []).map(renderHit)));
}

// Adds a filter to the query; a value with spaces is quoted.
function withFilter(query, filter) {
  return query.includes(filter) ? query : (query + ' ' + filter).trim();
}

function quoted(value) {
  return /\s/.test(value) ? '"' + value.replace(/"/g, '') + '"' : value;
}

function facetGroup(title, entries, query, params) {
  if (!entries.length) return null;
  return el('section', {class: 'facet'}, el('h3', {}, title),
      el('ul', {}, entries.map(({label, filter, count}) =>
        el('li', {}, el('a', {href: searchHref(withFilter(query, filter), params), class: 'facet-link'},
            el('span', {}, label), el('span', {class: 'count'}, formatNumber(count)))))));
}

function renderFacets(facets, query, params) {
  if (!facets) return null;
  const kinds = new Set(['customer', 'prospect', 'contact', 'document', 'note', 'event']);
  const entries = (map) => Object.entries(map || {});
  return el('aside', {class: 'facets', 'aria-label': t('search.facets')},
      facetGroup(t('search.facet_kinds'), entries(facets.kinds).map(([kind, count]) =>
        ({label: t('kind.' + kind), filter: 'art:' + kind, count})), query, params),
      facetGroup(t('search.facet_types'), entries(facets.types).filter(([type]) => !kinds.has(type))
          .map(([type, count]) => ({label: type, filter: 'typ:' + quoted(type), count})), query, params),
      facetGroup(t('search.facet_customers'), (facets.customers || []).map((c) =>
        ({label: c.name, filter: 'kunde:' + quoted(c.number), count: c.count})), query, params),
      facetGroup(t('search.facet_years'), entries(facets.years).sort((a, b) => b[0].localeCompare(a[0]))
          .map(([year, count]) => ({label: year, filter: year, count})), query, params));
}

function renderInfo(answer, query, params) {
  const info = el('div', {class: 'search-info'});
  if (answer.corrected_query) {
    info.append(el('p', {class: 'corrected'}, t('search.corrected', {query: answer.corrected_query})));
  }
  if (answer.suggestion) {
    info.append(el('p', {class: 'suggestion'}, t('search.did_you_mean'), ' ',
        el('a', {href: searchHref(answer.suggestion, params), id: 'suggestion'}, answer.suggestion), ' ?'));
  }
  if (answer.relaxed) info.append(el('p', {class: 'muted'}, t('search.relaxed')));
  info.append(el('p', {class: 'total muted'}, t('search.total', {count: formatNumber(answer.total || 0)})));
  return info;
}

function pager(answer, query, params, offset) {
  const nav = el('nav', {class: 'pager', 'aria-label': t('search.pages')});
  const total = answer.total || 0;
  if (offset > 0) {
    nav.append(el('a', {href: searchHref(query, {...params, offset: Math.max(0, offset - kPageSize)})},
        t('search.previous')));
  }
  if (offset + kPageSize < total) {
    nav.append(el('a', {href: searchHref(query, {...params, offset: offset + kPageSize})}, t('search.next')));
  }
  return nav.childElementCount ? nav : null;
}

export async function render(view, hashParams) {
  const query = (hashParams.get('q') || '').trim();
  const grouped = hashParams.get('customers') === 'true';
  const offset = Math.max(0, parseInt(hashParams.get('offset') || '0', 10) || 0);
  const keep = grouped ? {customers: 'true'} : {};

  const toggle = el('input', {type: 'checkbox', id: 'group-by-customer', checked: grouped});
  toggle.addEventListener('change', () =>
    navigate(searchHref(query, toggle.checked ? {customers: 'true'} : {})));
  const body = el('div', {class: 'search-body', 'aria-live': 'polite'}, el('p', {class: 'muted'}, t('app.loading')));
  const section = el('section', {id: 'results'},
      el('h1', {}, query ? t('search.title_for', {query}) : t('search.title')),
      el('label', {class: 'toggle'}, toggle, ' ', t('search.group_by_customer')),
      body);
  fill(view, section);
  if (!query) {
    fill(body, el('p', {class: 'empty'}, t('search.enter_query')));
    return;
  }

  let answer;
  try {
    answer = await api.get('/search', {q: query, facets: 'true', customers: grouped ? 'true' : '',
      limit: kPageSize, offset});
  } catch (error) {
    fill(body, el('p', {class: 'error', role: 'alert'}, errorText(error)));
    return;
  }
  if (answer.customer_mode && !grouped) toggle.checked = true;
  const list = answer.customer_mode
      ? el('ol', {class: 'customer-results'}, (answer.customers || []).map(renderCustomerResult))
      : el('ol', {class: 'hits'}, (answer.hits || []).map(renderHit));
  const empty = !list.childElementCount;
  fill(body, renderInfo(answer, query, keep),
      el('div', {class: 'search-layout'},
          el('div', {class: 'search-main'},
              empty ? el('p', {class: 'empty'}, t('search.empty', {query})) : list,
              pager(answer, query, keep, offset)),
          empty ? null : renderFacets(answer.facets, query, keep)));
}
