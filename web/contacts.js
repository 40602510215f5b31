// Tab "Ansprechpartner": the customer's contact persons, a form to add one,
// and an edit form (PATCH with If-Match; a conflict shows as in conflict.js).

import * as api from './api.js';
import {showConflict} from './conflict.js';
import {displayValue, phonesToText, textToPhones} from './customer_form.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm, splitList} from './forms.js';
import {formatDate, formatDateTime, t} from './i18n.js';
import {mailLink} from './mail_compose.js';
import {phoneLinks} from './phone_links.js';
import {canWrite} from './session.js';

// name → label key, in the form's order.
const kFields = [
  ['salutation', 'customer.salutation'], ['title', 'contact.title'],
  ['first_name', 'customer.first_name'], ['last_name', 'customer.last_name'],
  ['role', 'contact.role'], ['department', 'contact.department'],
  ['emails', 'customer.emails'], ['phones', 'customer.phones'],
  ['birthday', 'customer.birthday'], ['remarks', 'customer.remarks'],
];

// customer: the file's, for writing to the contact and logging calls.
function contactCard(contact, onEdit, customer) {
  const phones = (contact.phones || []).map((p) =>
    el('li', {}, t('phone.' + (p.kind || 'phone')), ' ', phoneLinks(p, customer, contact)));
  const mails = (contact.emails || []).map((mail) => el('li', {}, mailLink(mail, customer, contact)));
  const role = [contact.role, contact.department].filter(Boolean).join(', ');
  const name = [contact.salutation, contact.title, contact.display_name].filter(Boolean).join(' ');
  const edit = onEdit ? el('button', {type: 'button', class: 'contact-edit', onclick: onEdit,
    'aria-label': t('contacts.edit_named', {name: contact.display_name})}, t('action.edit')) : null;
  return el('li', {class: 'contact card', dataset: {id: String(contact.id)}},
      el('div', {class: 'card-head'}, el('h3', {}, name), edit),
      role ? el('p', {class: 'muted'}, role) : null,
      el('ul', {class: 'plain'}, mails, phones),
      contact.birthday ? el('p', {}, t('customer.birthday'), ': ', formatDate(contact.birthday)) : null,
      contact.remarks ? el('p', {class: 'remarks'}, contact.remarks) : null);
}

// The same fields for adding and editing; `contact` fills them in.
function contactForm(formId, contact, submitLabel) {
  return simpleForm(formId, kFields.map(([name, label]) => {
    const field = {name, label: t(label), value: contact[name]};
    if (name === 'emails') {
      return {...field, type: 'textarea', value: (contact.emails || []).join('\n'), hint: t('form.one_per_line')};
    }
    if (name === 'phones') {
      return {...field, type: 'textarea', value: phonesToText(contact.phones), hint: t('form.phones_hint')};
    }
    if (name === 'birthday') return {...field, type: 'date'};
    if (name === 'remarks') return {...field, type: 'textarea'};
    return field;
  }), submitLabel);
}

// The form's values as the API takes them.
function toBody(values) {
  return {...values, emails: splitList(values.emails), phones: textToPhones(values.phones)};
}

function changedFields(base, body) {
  const changes = {};
  for (const [name] of kFields) {
    if (displayValue(name, base[name]) !== displayValue(name, body[name])) changes[name] = body[name];
  }
  return changes;
}

function addForm(ctx, list, showEditFor) {
  const {form, submit, values, showError} = contactForm('contact-form', {}, t('action.add'));
  handleSubmit(form, submit, showError, async () => {
    const body = toBody(values());
    for (const key of Object.keys(body)) {
      if (body[key] === '' || (Array.isArray(body[key]) && !body[key].length)) delete body[key];
    }
    await api.post('/customers/' + ctx.customer.id + '/contacts', body);
    form.reset();
    await load(ctx, list, showEditFor);
  });
  return el('details', {class: 'add card'}, el('summary', {}, t('contacts.add')), form);
}

async function load(ctx, list, showEditFor) {
  const answer = await api.get('/customers/' + ctx.customer.id + '/contacts');
  fill(list, answer.items.length
      ? answer.items.map((contact) =>
        contactCard(contact, showEditFor && (() => showEditFor(contact)), ctx.customer))
      : el('li', {class: 'empty muted'}, t('contacts.empty')));
}

// The list (and the add form); focusId: the contact whose edit button gets
// the focus, after returning from its edit form.
async function showList(panel, ctx, focusId = null) {
  const list = el('ul', {id: 'contact-list', class: 'cards'});
  const showEditFor = canWrite() ? (contact) => showEdit(panel, ctx, contact, null) : null;
  await load(ctx, list, showEditFor);
  fill(panel, el('h2', {}, t('tab.ansprechpartner')), showEditFor ? addForm(ctx, list, showEditFor) : null, list);
  if (focusId) {
    const edit = list.querySelector(`li[data-id="${focusId}"] .contact-edit`);
    if (edit) edit.focus();
  }
}

// From a button: a list that fails to load says so in the panel.
function backToList(panel, ctx, focusId) {
  showList(panel, ctx, focusId).catch((error) => {
    fill(panel, el('p', {class: 'error', role: 'alert'}, errorText(error)));
  });
}

// base: the version the edit started from; draft: values to put in the form.
function showEdit(panel, ctx, base, draft) {
  const {form, submit, values, showError} = contactForm('contact-edit', draft || base, t('action.save'));
  const cancel = el('button', {type: 'button', onclick: () => backToList(panel, ctx, base.id)},
      t('action.cancel'));
  form.querySelector('.actions').append(cancel);
  handleSubmit(form, submit, showError, async () => {
    const mine = toBody(values());
    const changes = changedFields(base, mine);
    if (!Object.keys(changes).length) {
      await showList(panel, ctx, base.id);
      return;
    }
    await save(panel, ctx, base, mine, changes);
  });
  fill(panel, el('h2', {}, t('contacts.edit_title', {name: base.display_name})), form);
  form.querySelector('input,select,textarea').focus();
}

async function save(panel, ctx, base, mine, changes) {
  const answer = await api.patch('/contacts/' + base.id, changes, {ifMatch: base.version});
  if (answer && answer.conflict) {
    const current = answer.current;
    showConflict(panel, {
      fields: kFields.map(([name, label]) => [name, t(label)]), show: displayValue,
      base, mine, changes, current,
      explain: t('conflict.explain_contact', {time: formatDateTime(current.updated_at)}),
    }, {
      // Same changes, now based on the version the other person saved.
      takeMine: () => save(panel, ctx, current, mine, changes),
      keepTheirs: () => backToList(panel, ctx, current.id),
      editAgain: () => showEdit(panel, ctx, current, {...current, ...changes}),
    });
    return;
  }
  await showList(panel, ctx, answer.id);
}

export function render(panel, ctx) {
  return showList(panel, ctx);
}
