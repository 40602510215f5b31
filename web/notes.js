// Tab "Notizen": write a note (the server adds author and time), list them,
// and edit one in place (PATCH with If-Match; a conflict as in conflict.js).

import * as api from './api.js';
import {showConflict} from './conflict.js';
import {el, fill} from './dom.js';
import {errorDisplay, handleSubmit} from './forms.js';
import {formatDateTime, t} from './i18n.js';
import {canWrite} from './session.js';

// A textarea with its error line and a submit button; Ctrl+Enter saves, as
// in most editors. An empty text is refused before it reaches the server.
// ids: {form, text, submit}.
function textForm(ids, {value = '', label, placeholder, submitLabel}, action) {
  const text = el('textarea', {id: ids.text, name: 'text', rows: 3, value, 'aria-label': label, placeholder});
  const submit = el('button', {type: 'submit', id: ids.submit, class: 'primary'}, submitLabel);
  const error = el('p', {class: 'field-error', id: ids.text + '-error'});
  text.setAttribute('aria-describedby', error.id);
  const general = el('p', {class: 'error form-error', role: 'alert'});
  const form = el('form', {id: ids.form, class: 'note-form', novalidate: true}, general, text, error,
      el('div', {class: 'actions'}, submit));
  const {showError} = errorDisplay(general, {text}, {text: error});
  handleSubmit(form, submit, showError, async () => {
    if (!text.value.trim()) throw {field: 'text', message: t('notes.empty_text')};
    await action(text.value);
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  return {form, text, submit};
}

function noteItem(note, onEdit) {
  const edit = onEdit ? el('button', {type: 'button', class: 'note-edit', onclick: onEdit},
      t('action.edit')) : null;
  return el('li', {class: 'note', dataset: {id: String(note.id)}},
      el('div', {class: 'note-head'},
          el('p', {class: 'note-meta muted'},
              el('time', {datetime: note.created_at}, formatDateTime(note.created_at)), ' · ', note.author_name || note.author,
              note.edited_at ? [' · ', el('span', {class: 'note-edited'},
                  t('notes.edited', {time: formatDateTime(note.edited_at)}))] : null),
          edit),
      el('p', {class: 'note-text'}, note.text));
}

export async function render(panel, ctx) {
  const list = el('ul', {id: 'note-list', class: 'notes'});
  const path = '/customers/' + ctx.customer.id + '/notes';
  const empty = el('p', {class: 'empty muted'}, t('notes.empty'));

  async function load() {
    const answer = await api.get(path, {limit: 200});
    fill(list, (answer.items || []).map((note) => noteItem(note, canWrite() ? () => edit(note) : null)));
    empty.hidden = list.childElementCount > 0;
  }

  function itemOf(note) {
    return list.querySelector(`li[data-id="${note.id}"]`);
  }

  // Shows the note again as it is stored now; `focus` returns the focus to
  // its edit button.
  function showNote(note, focus) {
    const item = noteItem(note, () => edit(note));
    itemOf(note).replaceWith(item);
    if (focus) item.querySelector('.note-edit').focus();
  }

  // base: the version the edit started from; draft: the text to start with.
  function edit(base, draft = base.text) {
    const prefix = 'note-edit-' + base.id;
    const {form, text} = textForm({form: prefix, text: prefix + '-text', submit: prefix + '-save'},
        {value: draft, label: t('notes.edit'), submitLabel: t('action.save')},
        (value) => save(base, value));
    const cancel = el('button', {type: 'button', onclick: () => showNote(base, true)}, t('action.cancel'));
    form.querySelector('.actions').append(cancel);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel.click();
    });
    fill(itemOf(base), form);
    text.focus();
  }

  async function save(base, value) {
    if (value === base.text) {
      showNote(base, true);
      return;
    }
    const answer = await api.patch('/notes/' + base.id, {text: value}, {ifMatch: base.version});
    if (answer && answer.conflict) {
      const current = answer.current;
      const mine = {text: value};
      showConflict(itemOf(base), {
        fields: [['text', t('notes.text')]], show: (name, text) => text || '',
        base, mine, changes: mine, current,
        explain: t('conflict.explain_note', {time: formatDateTime(current.edited_at || current.created_at)}),
      }, {
        // The same text, now based on the version the other person saved.
        takeMine: () => save(current, value),
        keepTheirs: () => showNote(current, true),
        editAgain: () => edit(current, value),
      });
      return;
    }
    showNote(answer, true);
  }

  let form = null;
  if (canWrite()) {
    const created = textForm({form: 'note-form', text: 'note-text', submit: 'note-add'},
        {label: t('notes.new'), placeholder: t('notes.placeholder'), submitLabel: t('notes.add')},
        async (value) => {
          await api.post(path, {text: value});
          created.text.value = '';
          await load();
        });
    form = created.form;
  }
  fill(panel, el('h2', {}, t('tab.notizen')), form, empty, list);
  await load();
}
