// Einstellungen (admins): the document types and the event types to choose
// from. Adding a retired type brings it back; retiring one keeps it on the
// records that have it.

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
    return el('li', {dataset: {name}}, el('span', {class: 'type-name'}, name), retire);
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
