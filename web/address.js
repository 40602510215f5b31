// Tab "Adresse": the master data, an edit form (PATCH with If-Match), and
// when someone else saved first, both versions side by side (#conflict).
// Nothing is ever overwritten without the user choosing so.

import * as api from './api.js';
import {changedFields, customerForm, displayValue, kFieldNames} from './customer_form.js';
import {el, fill} from './dom.js';
import {formatDate, formatDateTime, t} from './i18n.js';
import {canWrite} from './session.js';

function valueNode(name, customer) {
  const value = customer[name];
  if (name === 'birthday') return formatDate(value);
  if (name === 'emails') {
    return (value || []).map((mail, i) => [i ? ', ' : '', el('a', {href: 'mailto:' + mail}, mail)]);
  }
  if (name === 'phones') {
    return (value || []).map((p, i) => [i ? ', ' : '', t('phone.' + (p.kind || 'phone')), ' ',
      el('a', {href: 'tel:' + p.number.replace(/[^\d+]/g, '')}, p.number)]);
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
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const mine = values();
    const changes = changedFields(base, mine);
    if (!Object.keys(changes).length) {
      showView(panel, ctx);
      return;
    }
    submit.disabled = true;
    try {
      await save(panel, ctx, base, mine, changes);
    } catch (error) {
      showError(error);
    } finally {
      submit.disabled = false;
    }
  });
  fill(panel, el('h2', {}, t('customer.edit_title')), form);
  form.querySelector('input,select,textarea').focus();
}

async function save(panel, ctx, base, mine, changes) {
  const answer = await api.patch('/customers/' + base.id, changes, {ifMatch: base.version});
  if (answer && answer.conflict) {
    showConflict(panel, ctx, {base, mine, changes}, answer.current);
    return;
  }
  ctx.setCustomer(answer);
  showView(panel, ctx);
}

// Shows every field either side changed: yours (the form) next to the
// version saved meanwhile.
function showConflict(panel, ctx, {base, mine, changes}, current) {
  ctx.setCustomer(current);
  const rows = kFieldNames
      .filter((name) => name in changes ||
          displayValue(name, base[name]) !== displayValue(name, current[name]))
      .map((name) => {
        const yours = displayValue(name, mine[name]);
        const theirs = displayValue(name, current[name]);
        return el('tr', {class: yours === theirs ? null : 'differs'},
            el('th', {scope: 'row'}, t('customer.' + name)),
            el('td', {class: 'mine'}, yours || '—'),
            el('td', {class: 'theirs'}, theirs || '—'));
      });
  const error = el('p', {class: 'error', role: 'alert'});
  const takeMine = el('button', {type: 'button', id: 'conflict-mine', class: 'primary'}, t('conflict.take_mine'));
  const keepTheirs = el('button', {type: 'button', id: 'conflict-theirs'}, t('conflict.keep_theirs'));
  const editAgain = el('button', {type: 'button', id: 'conflict-edit'}, t('conflict.edit_again'));
  takeMine.addEventListener('click', async () => {
    takeMine.disabled = true;
    try {
      // Same changes, now based on the version the other person saved.
      await save(panel, ctx, current, mine, changes);
    } catch (failure) {
      error.textContent = failure.message;
      takeMine.disabled = false;
    }
  });
  keepTheirs.addEventListener('click', () => showView(panel, ctx));
  editAgain.addEventListener('click', () => showEdit(panel, ctx, current, {...current, ...changes}));
  const box = el('section', {id: 'conflict', class: 'conflict card', role: 'alertdialog',
    'aria-labelledby': 'conflict-title'},
  el('h2', {id: 'conflict-title'}, t('conflict.title')),
  el('p', {}, t('conflict.explain', {time: formatDateTime(current.updated_at)})),
  el('div', {class: 'table-wrap'}, el('table', {class: 'compare'},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, t('conflict.field')),
          el('th', {scope: 'col'}, t('conflict.mine')), el('th', {scope: 'col'}, t('conflict.theirs')))),
      el('tbody', {}, rows))),
  error,
  el('div', {class: 'actions'}, takeMine, keepTheirs, editAgain));
  fill(panel, box);
  takeMine.focus();
}

export function render(panel, ctx) {
  showView(panel, ctx);
}
