// Tab "Notizen": write a note (the server adds author and time), list them.

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {formatDateTime, t} from './i18n.js';
import {canWrite} from './session.js';

function noteItem(note) {
  return el('li', {class: 'note', dataset: {id: String(note.id)}},
      el('p', {class: 'note-meta muted'},
          el('time', {datetime: note.created_at}, formatDateTime(note.created_at)), ' · ', note.author,
          note.edited_at ? ' · ' + t('notes.edited', {time: formatDateTime(note.edited_at)}) : ''),
      el('p', {class: 'note-text'}, note.text));
}

export async function render(panel, ctx) {
  const list = el('ul', {id: 'note-list', class: 'notes'});
  const path = '/customers/' + ctx.customer.id + '/notes';

  async function load() {
    const answer = await api.get(path, {limit: 200});
    fill(list, (answer.items || []).map(noteItem));
    empty.hidden = list.childElementCount > 0;
  }

  const empty = el('p', {class: 'empty muted'}, t('notes.empty'));
  let form = null;
  if (canWrite()) {
    const text = el('textarea', {id: 'note-text', rows: 3, 'aria-label': t('notes.new'),
      placeholder: t('notes.placeholder')});
    const add = el('button', {type: 'submit', id: 'note-add', class: 'primary'}, t('notes.add'));
    const error = el('p', {class: 'error', role: 'alert'});
    form = el('form', {id: 'note-form', class: 'note-form'}, text, error, el('div', {class: 'actions'}, add));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) {
        error.textContent = t('notes.empty_text');
        text.focus();
        return;
      }
      add.disabled = true;
      error.textContent = '';
      try {
        await api.post(path, {text: text.value});
        text.value = '';
        await load();
      } catch (failure) {
        error.textContent = errorText(failure);
      } finally {
        add.disabled = false;
      }
    });
    // Ctrl+Enter saves, as in most editors.
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
  }
  fill(panel, el('h2', {}, t('tab.notizen')), form, empty, list);
  await load();
}
