// "E-Mail schreiben" in the customer file: next to each email address of
// the customer and of its contacts, a button opens a form (recipient,
// subject, text; with history.email "ask" also a note for the history) that
// sends through the firm's mail server (POST /customers/{id}/emails). The
// server files the message in the file and records it as the history
// settings say; what it did is shown in the form.

import * as api from './api.js';
import {el} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {t} from './i18n.js';
import {historySettings} from './phone_links.js';
import {canWrite} from './session.js';

const kOther = 'other';

// The addresses to choose from: the contact's (when writing to one), then
// the customer's.
function choices(customer, contact) {
  const out = [];
  for (const mail of (contact && contact.emails) || []) {
    out.push({mail, contactId: contact.id, label: `${contact.display_name} <${mail}>`});
  }
  for (const mail of customer.emails || []) {
    out.push({mail, contactId: null, label: `${customer.display_name || customer.number} <${mail}>`});
  }
  return out;
}

// The server's words, said as what they mean for the user.
function explained(error, toOther) {
  if (error.code === 'smtp_error') return new Error(t('mail.smtp_failed', {detail: error.message}));
  if (error.code === 'conflict' && /^smtp\./.test(error.message)) {
    return new Error(t('mail.not_configured', {detail: error.message}));
  }
  if (error.field === 'to' && toOther) error.field = 'address';
  return error;
}

// Opens the form; `preselected`: the address clicked.
export async function openCompose(customer, contact, preselected) {
  let history = 'auto';
  try {
    history = (await historySettings()).email;
  } catch (error) {
    history = 'auto';  // the server says again when sending
  }
  const options = choices(customer, contact);
  const selected = Math.max(0, options.findIndex((o) => o.mail === preselected));
  const fields = [
    {name: 'to', label: t('mail.to'), type: 'select', value: String(selected),
      options: [...options.map((o, i) => [String(i), o.label]), [kOther, t('mail.other_address')]]},
    {name: 'address', label: t('mail.address'), type: 'email'},
    {name: 'subject', label: t('mail.subject'), required: true},
    {name: 'text', label: t('mail.text'), type: 'textarea'},
  ];
  if (history === 'ask') {
    fields.push({name: 'remarks', label: t('mail.remarks'), type: 'textarea', hint: t('mail.remarks_hint')});
  }
  const {form, submit, inputs, values, showError} = simpleForm('mail-form', fields, t('mail.send'));
  inputs.text.rows = 10;
  const addressField = inputs.address.closest('.field');
  const showAddress = () => {
    addressField.hidden = inputs.to.value !== kOther;
  };
  inputs.to.addEventListener('change', showAddress);
  showAddress();
  const status = el('p', {id: 'mail-status', class: 'notice', role: 'status'});
  const dialog = el('dialog', {id: 'mail-compose', class: 'card', 'aria-labelledby': 'mail-compose-title'},
      el('h2', {id: 'mail-compose-title'}, t('mail.title')), form, status);
  const close = () => dialog.close();
  form.querySelector('.actions').append(el('button', {type: 'button', onclick: close}, t('action.cancel')));

  handleSubmit(form, submit, showError, async () => {
    const v = values();
    if (!v.subject) throw Object.assign(new Error(t('mail.no_subject')), {field: 'subject'});
    const body = {subject: v.subject, text: v.text};
    const toOther = v.to === kOther;
    if (toOther) {
      body.to = v.address;
      if (contact) body.contact_id = contact.id;
    } else {
      const choice = options[Number(v.to)];
      body.to = choice.mail;
      if (choice.contactId) body.contact_id = choice.contactId;
    }
    if (v.remarks) body.remarks = v.remarks;
    let sent;
    try {
      sent = await api.post('/customers/' + customer.id + '/emails', body);
    } catch (error) {
      throw explained(error, toOther);
    }
    form.hidden = true;
    status.textContent = t(sent.event ? 'mail.sent_recorded' : 'mail.sent', {to: sent.to});
    const done = el('button', {type: 'button', id: 'mail-close', onclick: close}, t('action.close'));
    dialog.append(el('div', {class: 'actions'}, done));
    done.focus();
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  inputs.subject.focus();
}

// An address as a mailto: link and, for writers, the button that writes to
// it from akte. contact: the contact the address is of, or null.
export function mailLink(mail, customer, contact = null) {
  const link = el('a', {href: 'mailto:' + mail}, mail);
  if (!canWrite() || !customer) return link;
  const write = el('button', {type: 'button', class: 'mail-write small',
    'aria-label': t('mail.write_to', {name: mail}),
    onclick: () => openCompose(customer, contact, mail)}, t('mail.write'));
  return el('span', {class: 'mail-address'}, link, ' ', write);
}
