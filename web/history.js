// Tab "Historie": the file's timeline (documents, notes, events), newest
// first, filtered by kind.

import * as api from './api.js';
import {el, fill} from './dom.js';
import {formatDate, formatDateTime, formatNumber, t} from './i18n.js';
import {customerHref} from './nav.js';

const kPage = 100;

function entry(item, customerId) {
  // Documents carry a calendar date; notes and events a moment.
  const when = item.kind === 'document' ? formatDate(item.at) : formatDateTime(item.at);
  const tab = item.kind === 'document' ? 'dokumente' : item.kind === 'note' ? 'notizen' : null;
  const title = tab
      ? el('a', {href: customerHref(customerId, tab) + (item.kind === 'document' ? '?doc=' + item.id : '')},
          item.title || t('kind.' + item.kind))
      : el('span', {}, item.title || t('kind.' + item.kind));
  return el('li', {class: 'timeline-entry kind-' + item.kind, dataset: {kind: item.kind, id: String(item.id)}},
      el('div', {class: 'timeline-when'}, el('time', {datetime: item.at}, when)),
      el('div', {class: 'timeline-body'},
          el('p', {}, el('span', {class: 'badge'}, t('kind.' + item.kind)), ' ', title),
          item.detail ? el('p', {class: 'timeline-detail'}, item.detail) : null,
          item.author ? el('p', {class: 'muted small'}, item.author) : null));
}

export async function render(panel, ctx) {
  const kind = el('select', {id: 'history-kind', 'aria-label': t('history.kind')},
      el('option', {value: ''}, t('history.all')),
      ['document', 'note', 'event'].map((k) => el('option', {value: k}, t('kind.' + k + 's'))));
  const list = el('ol', {id: 'history-list', class: 'timeline'});
  const status = el('p', {class: 'muted', 'aria-live': 'polite'});
  const more = el('button', {type: 'button', hidden: true}, t('history.more'));
  let offset = 0;

  async function load(append) {
    if (!append) offset = 0;
    const answer = await api.get('/customers/' + ctx.customer.id + '/file',
        {kind: kind.value, limit: kPage, offset});
    const items = (answer.items || []).map((item) => entry(item, ctx.customer.id));
    if (append) list.append(...items);
    else fill(list, items);
    offset += items.length;
    more.hidden = offset >= answer.total;
    status.textContent = answer.total ? t('history.count', {count: formatNumber(answer.total)}) : t('history.empty');
  }

  kind.addEventListener('change', () => load(false));
  more.addEventListener('click', () => load(true));
  fill(panel, el('div', {class: 'panel-head'}, el('h2', {}, t('tab.historie')),
      el('label', {}, t('history.kind'), ' ', kind)), status, list, more);
  await load(false);
}
