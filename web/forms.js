// A small form builder for the simpler records (contacts, conditions,
// users): labelled inputs, one error line per field for the API's
// error.field, and a submit button.

import {el, errorText} from './dom.js';

// The error lines of a form: the message next to the field the API named
// (error.field), else in `general` on top.
export function errorDisplay(general, inputs, errors) {
  function clearErrors() {
    general.textContent = '';
    for (const name of Object.keys(errors)) {
      errors[name].textContent = '';
      inputs[name].removeAttribute('aria-invalid');
    }
  }

  // Also focuses the field at fault.
  function showError(error) {
    clearErrors();
    const name = error.field && error.field.split(/[.[]/)[0];
    if (name && errors[name]) {
      errors[name].textContent = errorText(error);
      inputs[name].setAttribute('aria-invalid', 'true');
      inputs[name].focus();
    } else {
      general.textContent = errorText(error);
    }
  }
  return {clearErrors, showError};
}

// Runs `action` when `form` is submitted, with `submit` disabled meanwhile;
// an API error goes to `showError`.
export function handleSubmit(form, submit, showError, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await action();
    } catch (error) {
      showError(error);
    } finally {
      submit.disabled = false;
    }
  });
}

// fields: [{name, label, type: 'text'|'date'|'textarea'|'select'|'password'|'checkbox',
//           options: [[value, label]], value, hint, required}]
// Returns {form, submit, inputs, values(), showError(error), clearErrors()}.
export function simpleForm(formId, fields, submitLabel) {
  const inputs = {};
  const errors = {};
  const general = el('p', {class: 'error form-error', role: 'alert'});
  const grid = el('div', {class: 'form-grid'});
  for (const field of fields) {
    const id = formId + '-' + field.name.replace(/_/g, '-');
    let input;
    if (field.type === 'select') {
      input = el('select', {id, name: field.name},
          field.options.map(([value, label]) => el('option', {value}, label)));
      if (field.value !== undefined) input.value = field.value;
    } else if (field.type === 'textarea') {
      input = el('textarea', {id, name: field.name, rows: 3, value: field.value || ''});
    } else if (field.type === 'checkbox') {
      input = el('input', {id, name: field.name, type: 'checkbox', checked: !!field.value});
    } else {
      input = el('input', {id, name: field.name, type: field.type || 'text', value: field.value ?? '',
        autocomplete: field.type === 'password' ? 'new-password' : 'off', required: field.required});
    }
    const error = el('p', {class: 'field-error', id: id + '-error'});
    input.setAttribute('aria-describedby', error.id);
    grid.append(el('div', {class: 'field' + (field.type === 'textarea' ? ' wide' : '')},
        el('label', {for: id}, field.label), input,
        field.hint ? el('small', {class: 'muted'}, field.hint) : null, error));
    inputs[field.name] = input;
    errors[field.name] = error;
  }
  const submit = el('button', {type: 'submit', class: 'primary'}, submitLabel);
  const form = el('form', {id: formId, class: 'record-form', novalidate: true},
      general, grid, el('div', {class: 'actions'}, submit));

  function values() {
    const out = {};
    for (const field of fields) {
      const input = inputs[field.name];
      out[field.name] = field.type === 'checkbox' ? input.checked
          : field.type === 'textarea' ? input.value : input.value.trim();
    }
    return out;
  }

  const {clearErrors, showError} = errorDisplay(general, inputs, errors);

  return {form, submit, inputs, values, showError, clearErrors};
}

// "a@b.de, c@d.de" or one per line → ['a@b.de', 'c@d.de'].
export function splitList(text) {
  return String(text || '').split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
}
