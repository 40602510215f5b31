// Why a document waits in the Eingang, in the user's language. The server
// states it in English (indexer/src/mail_filing.cpp, pipeline.cpp); the
// German view recognises its few forms and keeps the server's words for
// anything else.

import {getLanguage, t} from './i18n.js';

const kForms = [
  [/^waiting for its addresses to be read$/, 'inbox.reason.reading'],
  [/^the email names no address outside the firm$/, 'inbox.reason.only_firm'],
  [/^its addresses belong to several customers \((.*)\)$/, 'inbox.reason.several_addresses'],
  [/^its domain belongs to several customers \((.*)\)$/, 'inbox.reason.several_domain'],
  [/^no customer or contact has the address(?:es)? (.*)$/, 'inbox.reason.unknown_address'],
];

export function inboxReason(reason) {
  if (!reason || getLanguage() !== 'de') return reason || '';
  for (const [form, key] of kForms) {
    const match = form.exec(reason);
    if (match) return t(key, {detail: match[1] || ''});
  }
  return reason;
}
