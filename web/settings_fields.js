// Einstellungen (admins): the custom field definitions ("Individuelle
// Felder"), 20 slots, each defined or redefined with a label and a type.

import * as api from './api.js';
import {el, fill} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {t} from './i18n.js';

const kSlots = 20;
const kTypes = ['text', 'number', 'date', 'bool', 'choice'];

function typeLabel(type) {
  return t('settings.field_type_' + type);
}

function slotOptions(definitions) {
  const options = [];
  for (let slot = 1; slot <= kSlots; slot++) {
    const defined = definitions.find((d) => d.slot === slot);
    options.push([String(slot), defined ? slot + ' – ' + defined.label
                                        : t('settings.field_slot_free', {slot})]);
  }
  return options;
}

function definitionRow(definition) {
  return el('tr', {dataset: {slot: String(definition.slot)}},
      el('td', {class: 'num'}, String(definition.slot)), el('td', {}, definition.label),
      el('td', {}, typeLabel(definition.type)), el('td', {}, (definition.choices || []).join(', ')));
}

export async function fieldsSection() {
  const body = el('tbody');
  const status = el('p', {id: 'field-status', class: 'notice', 'aria-live': 'polite'});
  const {form, submit, inputs, values, showError, clearErrors} = simpleForm('field-form', [
    {name: 'slot', label: t('settings.field_slot'), type: 'select', options: slotOptions([])},
    {name: 'label', label: t('settings.field_label'), required: true},
    {name: 'type', label: t('settings.field_type'), type: 'select',
      options: kTypes.map((type) => [type, typeLabel(type)]), value: 'text'},
    {name: 'choices', label: t('settings.field_choices'), type: 'textarea',
      hint: t('settings.field_choices_hint')},
  ], t('settings.field_save'));
  const choicesField = inputs.choices.closest('.field');
  let definitions = [];

  const showChoices = () => {
    choicesField.hidden = inputs.type.value !== 'choice';
  };
  // Choosing a defined slot puts its definition in the form, to redefine it.
  const showSlot = () => {
    const defined = definitions.find((d) => String(d.slot) === inputs.slot.value);
    inputs.label.value = defined ? defined.label : '';
    inputs.type.value = defined ? defined.type : 'text';
    inputs.choices.value = defined ? (defined.choices || []).join('\n') : '';
    clearErrors();
    showChoices();
  };
  inputs.type.addEventListener('change', showChoices);
  inputs.slot.addEventListener('change', showSlot);

  async function load() {
    definitions = (await api.get('/fields')).items || [];
    fill(body, definitions.length ? definitions.map(definitionRow)
        : el('tr', {}, el('td', {colspan: '4', class: 'empty muted'}, t('settings.fields_none'))));
    const chosen = inputs.slot.value || '1';
    fill(inputs.slot, slotOptions(definitions).map(([value, label]) => el('option', {value}, label)));
    inputs.slot.value = chosen;
  }

  handleSubmit(form, submit, showError, async () => {
    const {slot, label, type, choices} = values();
    status.textContent = '';
    const stored = await api.put('/fields/' + slot, {
      label, type, choices: type === 'choice' ? choices.split('\n').map((c) => c.trim()).filter(Boolean) : [],
    });
    clearErrors();
    status.textContent = t('settings.field_saved', {slot: stored.slot, label: stored.label});
    await load();
  });

  await load();
  showSlot();
  return el('section', {id: 'field-definitions', class: 'card'}, el('h2', {}, t('settings.fields')),
      el('p', {class: 'muted'}, t('settings.fields_intro')),
      el('div', {class: 'table-wrap'}, el('table', {id: 'field-list', class: 'list'},
          el('thead', {}, el('tr', {}, [t('settings.field_slot'), t('settings.field_label'),
            t('settings.field_type'), t('settings.field_choices')].map((h) => el('th', {scope: 'col'}, h)))),
          body)),
      el('h3', {}, t('settings.field_define')), form, status);
}
