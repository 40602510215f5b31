// Tab "Individuelle Felder": the firm's own fields (labels from /fields),
// their values in customer.custom_fields, editable with PATCH + If-Match.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {formatDate, t} from './i18n.js';
import {canWrite} from './session.js';

function shown(definition, value) {
  if (value === undefined || value === null || value === '') return '—';
  if (definition.type === 'bool') return value === 'true' ? t('common.yes') : t('common.no');
  if (definition.type === 'date') return formatDate(value);
  return value;
}

function inputFor(definition, value) {
  const id = 'field-' + definition.slot;
  if (definition.type === 'bool') {
    return el('select', {id, name: String(definition.slot)},
        el('option', {value: ''}, '—'),
        el('option', {value: 'true', selected: value === 'true'}, t('common.yes')),
        el('option', {value: 'false', selected: value === 'false'}, t('common.no')));
  }
  if (definition.type === 'choice') {
    return el('select', {id, name: String(definition.slot)}, el('option', {value: ''}, '—'),
        (definition.choices || []).map((c) => el('option', {value: c, selected: c === value}, c)));
  }
  const type = definition.type === 'date' ? 'date' : definition.type === 'number' ? 'number' : 'text';
  return el('input', {id, name: String(definition.slot), type, value: value || '', step: 'any'});
}

function showView(panel, ctx, definitions) {
  const values = ctx.customer.custom_fields || {};
  const edit = canWrite() && definitions.length
      ? el('button', {type: 'button', id: 'fields-edit'}, t('action.edit')) : null;
  if (edit) edit.addEventListener('click', () => showEdit(panel, ctx, definitions));
  fill(panel, el('div', {class: 'panel-head'}, el('h2', {}, t('tab.felder')), edit),
      definitions.length
          ? el('dl', {class: 'details', id: 'custom-fields'}, definitions.map((d) => [
            el('dt', {}, d.label), el('dd', {dataset: {slot: String(d.slot)}}, shown(d, values[String(d.slot)]))]))
          : el('p', {class: 'muted'}, t('fields.none')));
}

function showEdit(panel, ctx, definitions) {
  const values = ctx.customer.custom_fields || {};
  const error = el('p', {class: 'error', role: 'alert'});
  const inputs = definitions.map((d) => inputFor(d, values[String(d.slot)]));
  const save = el('button', {type: 'submit', class: 'primary'}, t('action.save'));
  const cancel = el('button', {type: 'button'}, t('action.cancel'));
  cancel.addEventListener('click', () => showView(panel, ctx, definitions));
  const form = el('form', {id: 'fields-form', class: 'record-form'}, error,
      el('div', {class: 'form-grid'}, definitions.map((d, i) =>
        el('div', {class: 'field'}, el('label', {for: inputs[i].id}, d.label), inputs[i]))),
      el('div', {class: 'actions'}, save, cancel));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changes = {};
    definitions.forEach((d, i) => {
      const before = values[String(d.slot)] ?? '';
      const now = inputs[i].value;
      if (now !== before) changes[String(d.slot)] = now === '' ? null : now;
    });
    if (!Object.keys(changes).length) {
      showView(panel, ctx, definitions);
      return;
    }
    save.disabled = true;
    try {
      const answer = await api.patch('/customers/' + ctx.customer.id, {custom_fields: changes},
          {ifMatch: ctx.customer.version});
      if (answer && answer.conflict) {
        // Show what is stored now; the user's input stays in the form.
        ctx.setCustomer(answer.current);
        error.textContent = t('fields.conflict');
        return;
      }
      ctx.setCustomer(answer);
      showView(panel, ctx, definitions);
    } catch (failure) {
      error.textContent = errorText(failure);
    } finally {
      save.disabled = false;
    }
  });
  fill(panel, el('h2', {}, t('tab.felder')), form);
}

export async function render(panel, ctx) {
  const answer = await api.get('/fields');
  showView(panel, ctx, answer.items || []);
}
