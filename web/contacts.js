// Tab "Ansprechpartner": the customer's contact persons and a form to add one.

import * as api from './api.js';
import {textToPhones} from './customer_form.js';
import {el, fill} from './dom.js';
import {simpleForm, splitList} from './forms.js';
import {formatDate, t} from './i18n.js';
import {canWrite} from './session.js';

function contactCard(contact) {
  const phones = (contact.phones || []).map((p) =>
    el('li', {}, t('phone.' + (p.kind || 'phone')), ' ',
        el('a', {href: 'tel:' + p.number.replace(/[^\d+]/g, '')}, p.number)));
  const mails = (contact.emails || []).map((mail) => el('li', {}, el('a', {href: 'mailto:' + mail}, mail)));
  const role = [contact.role, contact.department].filter(Boolean).join(', ');
  return el('li', {class: 'contact card', dataset: {id: String(contact.id)}},
      el('h3', {}, [contact.salutation, contact.title, contact.display_name].filter(Boolean).join(' ')),
      role ? el('p', {class: 'muted'}, role) : null,
      el('ul', {class: 'plain'}, mails, phones),
      contact.birthday ? el('p', {}, t('customer.birthday'), ': ', formatDate(contact.birthday)) : null,
      contact.remarks ? el('p', {class: 'remarks'}, contact.remarks) : null);
}

function addForm(panel, ctx, list) {
  const {form, submit, values, showError} = simpleForm('contact-form', [
    {name: 'salutation', label: t('customer.salutation')},
    {name: 'title', label: t('contact.title')},
    {name: 'first_name', label: t('customer.first_name')},
    {name: 'last_name', label: t('customer.last_name')},
    {name: 'role', label: t('contact.role')},
    {name: 'department', label: t('contact.department')},
    {name: 'emails', label: t('customer.emails'), hint: t('form.one_per_line')},
    {name: 'phones', label: t('customer.phones'), hint: t('form.phones_hint')},
    {name: 'birthday', label: t('customer.birthday'), type: 'date'},
    {name: 'remarks', label: t('customer.remarks'), type: 'textarea'},
  ], t('action.add'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = values();
    body.emails = splitList(body.emails);
    body.phones = textToPhones(body.phones);
    for (const key of Object.keys(body)) if (body[key] === '') delete body[key];
    submit.disabled = true;
    try {
      await api.post('/customers/' + ctx.customer.id + '/contacts', body);
      form.reset();
      await load(ctx, list);
    } catch (error) {
      showError(error);
    } finally {
      submit.disabled = false;
    }
  });
  return el('details', {class: 'add card'}, el('summary', {}, t('contacts.add')), form);
}

async function load(ctx, list) {
  const answer = await api.get('/customers/' + ctx.customer.id + '/contacts');
  fill(list, answer.items.length ? answer.items.map(contactCard)
      : el('li', {class: 'empty muted'}, t('contacts.empty')));
}

export async function render(panel, ctx) {
  const list = el('ul', {id: 'contact-list', class: 'cards'});
  await load(ctx, list);
  fill(panel, el('h2', {}, t('tab.ansprechpartner')), canWrite() ? addForm(panel, ctx, list) : null, list);
}
