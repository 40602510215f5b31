// Tab "Statistik": a customer's figures, business records ("Belege") and
// account statement ("Kontoauszug"), all computed by the server as of today
// in the firm's time zone. Writers record papers and payments here
// (records_form.js); after each the tab loads anew.

import * as api from './api.js';
import {el, fill} from './dom.js';
import {formatDate, formatDateTime, formatMoney, formatNumber, t, toDateTimeInputs} from './i18n.js';
import {recordForm} from './records_form.js';
import {recordTable} from './records_table.js';
import {canWrite} from './session.js';
import {statementSection} from './statement.js';

const kNone = '–';

function figures(s) {
  const rows = [
    ['offers', t('statistics.offers'), formatNumber(s.offers)],
    ['orders', t('statistics.orders'), formatNumber(s.orders)],
    ['invoices', t('statistics.invoices'), formatNumber(s.invoices)],
    ...Object.entries(s.revenue_by_year_cents || {}).map(([year, cents]) =>
      ['revenue-' + year, t('statistics.revenue_year', {year}), formatMoney(cents)]),
    ['revenue', t('statistics.revenue_total'), formatMoney(s.revenue_total_cents)],
    ['open', t('statistics.open'), formatMoney(s.open_cents)],
    ['overdue', t('statistics.overdue'), formatMoney(s.overdue_cents)],
    ['fees', t('statistics.fees'), formatMoney(s.open_fees_cents)],
    ['days-to-pay', t('statistics.days_to_pay'),
      s.average_days_to_pay === null || s.average_days_to_pay === undefined ? kNone
          : formatNumber(s.average_days_to_pay, 1)],
    ['last-contact', t('statistics.last_contact'),
      s.last_contact ? formatDateTime(s.last_contact) : kNone],
    ['limit', t('statistics.limit'),
      s.open_invoice_limit_cents === null || s.open_invoice_limit_cents === undefined ? kNone
          : formatMoney(s.open_invoice_limit_cents)],
  ];
  return el('dl', {class: 'details figures', id: 'statistics-figures'},
      rows.map(([key, label, value]) => [el('dt', {}, label),
        el('dd', {dataset: {figure: key}, class: key === 'overdue' && s.overdue_cents > 0 ? 'overdue' : null},
            value)]));
}

function limitWarning(s) {
  if (!s.limit_exceeded) return null;
  return el('p', {id: 'limit-warning', class: 'limit-warning', role: 'alert'},
      t('statistics.limit_exceeded',
          {open: formatMoney(s.open_cents), limit: formatMoney(s.open_invoice_limit_cents)}));
}

// The record to mark, as text: ?record=<id>, or the invoice of ?payment=<id>
// (links from the Historie tab).
function focusedRecord(params, records) {
  if (params.get('record')) return params.get('record');
  const payment = params.get('payment');
  const invoice = payment && records.find((r) =>
    (r.payments || []).some((p) => String(p.id) === payment));
  return invoice ? String(invoice.id) : null;
}

function section(id, title, ...content) {
  return el('section', {id, class: 'business-section', 'aria-labelledby': id + '-title'},
      el('h3', {id: id + '-title'}, title), content);
}

// `notice`: what was just saved, shown (and focused) on top.
export async function render(panel, ctx, notice = '') {
  const id = ctx.customer.id;
  const asOf = toDateTimeInputs().date;  // today in the firm's time zone
  const path = '/customers/' + id;
  const [statistics, answer, statement] = await Promise.all([
    api.get(path + '/statistics', {as_of: asOf}),
    api.get(path + '/records'),
    api.get(path + '/statement', {format: 'json'}),
  ]);
  const records = answer.items || [];
  const onSaved = canWrite() ? (text) => render(panel, ctx, text) : null;
  const status = el('p', {id: 'statistics-notice', class: 'saved-notice', role: 'status', tabindex: '-1'},
      notice);
  const focusId = focusedRecord(ctx.params, records);
  fill(panel,
      el('div', {class: 'panel-head'}, el('h2', {}, t('tab.statistik')),
          el('span', {class: 'muted'}, t('statistics.as_of', {date: formatDate(statistics.as_of || asOf)}))),
      status,
      limitWarning(statistics),
      section('figures', t('statistics.figures'), figures(statistics)),
      section('records', t('records.title'),
          onSaved ? recordForm(id, records, onSaved) : null,
          recordTable(records, {asOf: statistics.as_of || asOf, focusId, onSaved})),
      statementSection(id, statement));
  const focused = panel.querySelector('tr.record-row.focused');
  if (notice) status.focus();
  else if (focused) focused.focus();
}
