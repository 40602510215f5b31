// When someone else saved a record while the user was editing it: every
// field either side changed, the user's version next to the one stored
// meanwhile (#conflict), and three ways on. Nothing is overwritten unless
// the user chooses so. Used for customers, contacts and notes.

import {el, errorText, fill} from './dom.js';
import {t} from './i18n.js';

// fields: [[name, label]] in display order; show(name, value): a value as text.
// base: the version the edit started from; mine: the user's values;
// changes: the fields the user changed; current: the version stored meanwhile.
// explain: the sentence on top.
// on.takeMine(): saves again on `current` (async; a failure is shown here);
// on.keepTheirs(), on.editAgain(): leave the view.
export function showConflict(container, {fields, show, base, mine, changes, current, explain}, on) {
  const rows = fields
      .filter(([name]) => name in changes || show(name, base[name]) !== show(name, current[name]))
      .map(([name, label]) => {
        const yours = show(name, mine[name]);
        const theirs = show(name, current[name]);
        return el('tr', {class: yours === theirs ? null : 'differs', dataset: {field: name}},
            el('th', {scope: 'row'}, label),
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
      await on.takeMine();
    } catch (failure) {
      error.textContent = errorText(failure);
      takeMine.disabled = false;
    }
  });
  keepTheirs.addEventListener('click', () => on.keepTheirs());
  editAgain.addEventListener('click', () => on.editAgain());
  fill(container, el('section', {id: 'conflict', class: 'conflict card', role: 'alertdialog',
    'aria-labelledby': 'conflict-title'},
  el('h2', {id: 'conflict-title'}, t('conflict.title')),
  el('p', {}, explain),
  el('div', {class: 'table-wrap'}, el('table', {class: 'compare'},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, t('conflict.field')),
          el('th', {scope: 'col'}, t('conflict.mine')), el('th', {scope: 'col'}, t('conflict.theirs')))),
      el('tbody', {}, rows))),
  error,
  el('div', {class: 'actions'}, takeMine, keepTheirs, editAgain)));
  takeMine.focus();
}
