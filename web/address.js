// Tab "Adresse": the master data, an edit form (PATCH with If-Match), and
// when someone else saved first, both versions side by side (conflict.js).

import * as api from './api.js';
import {showConflict} from './conflict.js';
import {changedFields, customerForm, displayValue, kFieldNames} from './customer_form.js';
import {el, fill} from './dom.js';
import {handleSubmit} from './forms.js';
import {mailLink} from './mail_compose.js';
import {phoneLinks} from './phone_links.js';
import {formatDate, formatDateTime, t} from './i18n.js';
import {canWrite} from './session.js';

function valueNode(name, customer) {
  const value = customer[name];
  if (name === 'birthday') return formatDate(value);
  if (name === 'emails') {
    return (value || []).map((mail, i) => [i ? ', ' : '', mailLink(mail, customer)]);
  }
  if (name === 'phones') {
    return (value || []).map((p, i) => [i ? ', ' : '', t('phone.' + (p.kind || 'phone')), ' ',
      phoneLinks(p, customer)]);
  }
  if (name === 'website' && value) {
    const href = /^https?:\/\//i.test(value) ? value : 'https://' + value;
    return el('a', {href, target: '_blank', rel: 'noopener noreferrer'}, value);
  }
  return displayValue(name, value);
}

function details(customer) {
  const list = el('dl', {class: 'details'});
  for (const name of kFieldNames) {
    const value = customer[name];
    const empty = value === undefined || value === null || value === '' ||
        (Array.isArray(value) && !value.length);
    list.append(el('dt', {}, t('customer.' + name)),
        el('dd', {class: name === 'remarks' ? 'remarks' : null, dataset: {field: name}},
            empty ? '—' : valueNode(name, customer)));
  }
  list.append(el('dt', {}, t('customer.updated_at')), el('dd', {}, formatDateTime(customer.updated_at)));
  return list;
}

function showView(panel, ctx) {
  const edit = canWrite() ? el('button', {type: 'button', id: 'customer-edit'}, t('action.edit')) : null;
  if (edit) edit.addEventListener('click', () => showEdit(panel, ctx, ctx.customer, null));
  fill(panel, el('div', {class: 'panel-head'}, el('h2', {}, t('tab.adresse')), edit), details(ctx.customer));
}

// base: the version the edit started from; draft: values to put in the form.
function showEdit(panel, ctx, base, draft) {
  const {form, submit, values, showError, setValues} =
      customerForm('customer-edit', base, t('action.save'));
  if (draft) setValues(draft);
  const cancel = el('button', {type: 'button'}, t('action.cancel'));
  cancel.addEventListener('click', () => showView(panel, ctx));
  form.querySelector('.actions').append(cancel);
  handleSubmit(form, submit, showError, async () => {
    const mine = values();
    const changes = changedFields(base, mine);
    if (!Object.keys(changes).length) {
      showView(panel, ctx);
      return;
    }
    await save(panel, ctx, base, mine, changes);
  });
  fill(panel, el('h2', {}, t('customer.edit_title')), form);
  form.querySelector('input,select,textarea').focus();
}

async function save(panel, ctx, base, mine, changes) {
  const answer = await api.patch('/customers/' + base.id, changes, {ifMatch: base.version});
  if (answer && answer.conflict) {
    const current = answer.current;
    ctx.setCustomer(current);
    showConflict(panel, {
      fields: kFieldNames.map((name) => [name, t('customer.' + name)]), show: displayValue,
      base, mine, changes, current,
      explain: t('conflict.explain', {time: formatDateTime(current.updated_at)}),
    }, {
      // Same changes, now based on the version the other person saved.
      takeMine: () => save(panel, ctx, current, mine, changes),
      keepTheirs: () => showView(panel, ctx),
      editAgain: () => showEdit(panel, ctx, current, {...current, ...changes}),
    });
    return;
  }
  ctx.setCustomer(answer);
  showView(panel, ctx);
}

export function render(panel, ctx) {
  showView(panel, ctx);
}
