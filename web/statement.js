// The account statement ("Kontoauszug") of the "Statistik" tab: every
// invoice, payment, credit note and dunning fee with the running balance,
// the final balance, and links to the CSV download and the printable page.

import * as api from './api.js';
import {el} from './dom.js';
import {formatDate, formatMoney, t} from './i18n.js';

const kColumns = ['statement.date', 'statement.kind', 'statement.number', 'statement.text',
  'statement.debit', 'statement.credit', 'statement.balance'];

// An amount, or nothing for the empty side of a line.
const side = (cents) => (cents ? formatMoney(cents) : '');

function line(item) {
  return el('tr', {class: 'statement-line', dataset: {kind: item.kind}},
      el('td', {}, el('time', {datetime: item.date}, formatDate(item.date))),
      el('td', {}, t('statement.kind.' + item.kind)),
      el('td', {class: 'record-number'}, item.number),
      el('td', {}, item.text),
      el('td', {class: 'num'}, side(item.debit_cents)),
      el('td', {class: 'num'}, side(item.credit_cents)),
      el('td', {class: 'num'}, formatMoney(item.balance_cents)));
}

// `statement`: the answer of GET /customers/{id}/statement?format=json.
export function statementSection(customerId, statement) {
  const lines = statement.lines || [];
  const links = el('p', {class: 'statement-links'},
      el('a', {href: api.statementUrl(customerId, 'csv'), id: 'statement-csv', class: 'button',
        download: ''}, t('statement.csv')),
      el('a', {href: api.statementUrl(customerId, 'html'), id: 'statement-print', class: 'button',
        target: '_blank', rel: 'noopener'}, t('statement.print')));
  const table = el('table', {id: 'statement-lines', class: 'list statement'},
      el('thead', {}, el('tr', {}, kColumns.map((key) => el('th', {scope: 'col'}, t(key))))),
      el('tbody', {}, lines.length ? lines.map(line)
          : el('tr', {}, el('td', {colspan: String(kColumns.length), class: 'empty muted'},
              t('statement.empty')))),
      el('tfoot', {}, el('tr', {},
          el('th', {scope: 'row', colspan: String(kColumns.length - 1)}, t('statement.balance')),
          el('td', {class: 'num', id: 'statement-balance'}, formatMoney(statement.balance_cents)))));
  return el('section', {id: 'statement', class: 'business-section', 'aria-labelledby': 'statement-title'},
      el('div', {class: 'panel-head'}, el('h3', {id: 'statement-title'}, t('statement.title')), links),
      el('div', {class: 'table-wrap'}, table));
}
