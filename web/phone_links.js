// Phone numbers in the customer file as tel: links (and sms: links for
// mobiles) that record the call or text message in the history as the
// history settings say (GET /history-settings; settings_mail.js): "auto"
// records it at once (POST /communications), "ask" first asks for a note in
// a small form, "none" only opens the link. Readers only get the links.

import * as api from './api.js';
import {el, errorText} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {t} from './i18n.js';
import {canWrite} from './session.js';

// {email, sms, call}: each "auto", "ask" or "none".
export function historySettings() {
  return api.get('/history-settings');
}

function record(channel, number, customer, contact, text) {
  const body = {channel, customer_id: customer.id, counterpart: number};
  if (contact) body.contact_id = contact.id;
  if (text) body.text = text;
  return api.post('/communications', body);
}

// Opens the link for real: the next click is let through.
function follow(link) {
  link.dataset.confirmed = 'true';
  link.click();
}

function showStatus(link, text, isError = false) {
  let status = link.parentElement && link.parentElement.querySelector('.calllog-status');
  if (!status) {
    status = el('span', {class: 'calllog-status', role: 'status'});
    link.after(' ', status);
  }
  status.className = 'calllog-status' + (isError ? ' error' : ' muted');
  status.textContent = text;
}

// "ask": a note for the history first; "Nicht vermerken" only opens the link.
function ask(link, channel, number, customer, contact) {
  const channelName = t('calllog.' + channel);
  const {form, submit, values, showError} = simpleForm('calllog-form', [
    {name: 'text', label: t('calllog.remarks'), type: 'textarea'},
  ], t('calllog.log'));
  const dialog = el('dialog', {id: 'calllog', class: 'card', 'aria-labelledby': 'calllog-title'},
      el('h2', {id: 'calllog-title'}, t('calllog.log_title', {channel: channelName, number})), form);
  const skip = el('button', {type: 'button', id: 'calllog-skip', onclick: () => {
    dialog.close();
    follow(link);
  }}, t('calllog.skip'));
  form.querySelector('.actions').append(skip);
  handleSubmit(form, submit, showError, async () => {
    await record(channel, number, customer, contact, values().text);
    dialog.close();
    showStatus(link, t('calllog.logged', {channel: channelName}));
    follow(link);
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  form.querySelector('textarea').focus();
}

async function onClick(event, link, channel, number, customer, contact) {
  if (link.dataset.confirmed) {
    delete link.dataset.confirmed;
    return;
  }
  event.preventDefault();
  let setting = 'auto';
  try {
    setting = (await historySettings())[channel] || 'auto';
  } catch (error) {
    showStatus(link, errorText(error), true);
  }
  if (setting === 'ask') {
    ask(link, channel, number, customer, contact);
    return;
  }
  if (setting === 'auto') {
    try {
      await record(channel, number, customer, contact, '');
      showStatus(link, t('calllog.logged', {channel: t('calllog.' + channel)}));
    } catch (error) {
      showStatus(link, errorText(error), true);
    }
  }
  follow(link);
}

// phone: {kind, number}; customer: the file's customer; contact: the
// contact the number is of, or null. Returns nodes to put in a list.
export function phoneLinks(phone, customer, contact = null) {
  const number = phone.number;
  const target = number.replace(/[^\d+]/g, '');
  const links = [[el('a', {href: 'tel:' + target, class: 'phone-call'}, number), 'call']];
  if (phone.kind === 'mobile') {
    links.push([el('a', {href: 'sms:' + target, class: 'phone-sms',
      'aria-label': t('calllog.sms_to', {number})}, t('calllog.sms')), 'sms']);
  }
  if (canWrite() && customer) {
    for (const [link, channel] of links) {
      link.addEventListener('click', (event) => onClick(event, link, channel, number, customer, contact));
    }
  }
  return links.map(([link], i) => [i ? ' ' : '', link]);
}
