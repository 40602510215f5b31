// What the page knows about business record kinds: their names, which
// record each may follow, which carry amounts. The server checks the same
// rules (archive/src/catalog_business.cpp); these only shape the forms.

import {formatDate, t} from './i18n.js';

// In the order of a business: offer → order → delivery note → invoice.
export const kRecordKinds = ['offer', 'order', 'delivery_note', 'invoice', 'credit_note', 'dunning'];

const kPredecessors = {
  offer: [],
  order: ['offer'],
  delivery_note: ['order'],
  invoice: ['order', 'delivery_note'],
  credit_note: ['invoice'],
  dunning: ['invoice'],
};

// The kinds a record of `kind` may follow.
export function predecessorKinds(kind) {
  return kPredecessors[kind] || [];
}

// Credit notes and dunning letters always refer to their invoice.
export function needsPredecessor(kind) {
  return kind === 'credit_note' || kind === 'dunning';
}

// Delivery notes and dunning letters have no net, tax or gross.
export function carriesAmounts(kind) {
  return kind !== 'delivery_note' && kind !== 'dunning';
}

export function kindLabel(kind) {
  return t('record.kind.' + kind);
}

// "Rechnung", or "Mahnung (Stufe 2)" for a dunning letter.
export function recordKindLabel(record) {
  return record.kind === 'dunning' && record.dunning_level
      ? t('record.dunning_level', {level: record.dunning_level}) : kindLabel(record.kind);
}

// "Rechnung RE-2024-0042 (01.03.2024)", to pick a record by.
export function recordTitle(record) {
  return recordKindLabel(record) + ' ' + record.number + ' (' + formatDate(record.record_date) + ')';
}

// An invoice still owing money after its due date, judged on the day
// `asOf` (YYYY-MM-DD), as the server's figures judge it.
export function isOverdue(record, asOf) {
  return record.kind === 'invoice' && record.outstanding_cents > 0 && !!record.due_date &&
      record.due_date < asOf;
}
