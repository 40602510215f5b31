// Einstellungen (admins): the document types and the event types to choose
// from. Adding a retired type brings it back; renaming one renames it on
// every record that has it; retiring one keeps it on the records that have
// it.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {t} from './i18n.js';

// kind: 'document' or 'event'; the element ids start with it
// (#document-type-list, #event-type-form, …).
export async function typesSection(kind) {
  const path = '/' + kind + '-types';
  const list = el('ul', {id: kind + '-type-list', class: 'type-list'});
  const status = el('p', {id: kind + '-type-status', class: 'notice', 'aria-live': 'polite'});

  function item(name) {
    const retire = el('button', {type: 'button', class: 'retire', dataset: {name}},
        t('settings.type_retire'));
    retire.addEventListener('click', async () => {
      if (!window.confirm(t('settings.type_retire_confirm', {name}))) return;
      retire.disabled = true;
      try {
        await api.del(path + '/' + encodeURIComponent(name));
        status.textContent = t('settings.type_retired', {name});
        await load();
      } catch (error) {
        retire.disabled = false;
        status.textContent = errorText(error);
      }
    });
    const rename = el('button', {type: 'button', class: 'rename', dataset: {name}},
        t('settings.type_rename'));
    const li = el('li', {dataset: {name}}, el('span', {class: 'type-name'}, name), rename, retire);
    rename.addEventListener('click', () => li.replaceWith(renameForm(name, li)));
    return li;
  }

  // In place of the type's line: its new name, saved or given up.
  function renameForm(name, line) {
    const input = el('input', {type: 'text', class: 'type-new-name', value: name, maxlength: '60',
      'aria-label': t('settings.type_new_name', {name})});
    const save = el('button', {type: 'submit', class: 'rename-save'}, t('action.save'));
    const cancel = el('button', {type: 'button', class: 'rename-cancel'}, t('action.cancel'));
    const form = el('form', {class: 'type-rename', dataset: {name}}, input, save, cancel);
    const li = el('li', {dataset: {name}}, form);
    cancel.addEventListener('click', () => li.replaceWith(line));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      try {
        const renamed = await api.put(path + '/' + encodeURIComponent(name), {name: input.value});
        status.textContent = t('settings.type_renamed', {old: name, name: renamed.name});
        await load();
      } catch (error) {
        save.disabled = false;
        status.textContent = errorText(error);
        input.focus();
      }
    });
    queueMicrotask(() => input.select());
    return li;
  }

  async function load() {
    fill(list, ((await api.get(path)).items || []).map(item));
  }

  const {form, submit, values, showError, clearErrors} = simpleForm(kind + '-type-form', [
    {name: 'name', label: t('settings.type_name'), required: true},
  ], t('settings.type_add'));
  handleSubmit(form, submit, showError, async () => {
    status.textContent = '';
    const added = await api.post(path, values());
    form.reset();
    clearErrors();
    status.textContent = t('settings.type_added', {name: added.name});
    await load();
  });

  await load();
  return el('section', {id: kind + '-types', class: 'card'},
      el('h2', {}, t('settings.' + kind + '_types')),
      el('p', {class: 'muted'}, t('settings.types_intro')), list, form, status);
}
