// Einstellungen (admins): the firm's time zone, in which the page shows
// every time. Saved with the version it was read at (If-Match), so that two
// admins cannot silently overwrite each other.

import * as api from './api.js';
import {el} from './dom.js';
import {handleSubmit, simpleForm} from './forms.js';
import {kDefaultTimeZone, knowsTimeZone, setTimeZone, t} from './i18n.js';
import {kTimeZoneSetting} from './time_zone.js';

// The IANA names this browser knows, for the input's suggestions.
function zoneNames() {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

// {value, version}; version 0 when the setting is not set yet.
async function readSetting() {
  try {
    const setting = await api.get(kTimeZoneSetting);
    return {value: setting.value, version: setting.version};
  } catch (error) {
    if (error.status === 404) return {value: '', version: 0};
    throw error;
  }
}

export async function timeZoneSection() {
  let setting = await readSetting();
  const current = el('p', {id: 'timezone-current', class: 'muted'});
  const status = el('p', {id: 'timezone-status', class: 'notice', 'aria-live': 'polite'});
  const {form, submit, inputs, values, showError, clearErrors} = simpleForm('timezone-form', [
    {name: 'timezone', label: t('settings.timezone_name'), value: setting.value || kDefaultTimeZone,
      hint: t('settings.timezone_hint')},
  ], t('settings.timezone_save'));
  const suggestions = el('datalist', {id: 'timezone-names'},
      zoneNames().map((name) => el('option', {value: name})));
  inputs.timezone.setAttribute('list', suggestions.id);
  inputs.timezone.spellcheck = false;

  const showCurrent = () => {
    current.textContent = setting.version
        ? t('settings.timezone_current', {zone: setting.value})
        : t('settings.timezone_default', {zone: kDefaultTimeZone});
  };

  handleSubmit(form, submit, showError, async () => {
    const zone = values().timezone;
    status.textContent = '';
    if (!knowsTimeZone(zone)) {
      throw Object.assign(new Error(t('settings.timezone_unknown')), {field: 'timezone'});
    }
    let answer;
    try {
      // A new setting goes without If-Match; an existing one with its version.
      answer = await api.put(kTimeZoneSetting, {value: zone},
          {ifMatch: setting.version || undefined});
    } catch (error) {
      // The API names the setting; the form names its one input.
      if (error.field === 'firm.timezone') error.field = 'timezone';
      throw error;
    }
    if (answer && answer.conflict) {
      setting = {value: answer.current.value, version: answer.current.version};
      showCurrent();
      status.textContent = t('settings.timezone_conflict', {zone: setting.value});
      return;
    }
    setting = {value: answer.value, version: answer.version};
    setTimeZone(setting.value);
    clearErrors();
    showCurrent();
    status.textContent = t('settings.timezone_saved', {zone: setting.value});
  });

  showCurrent();
  return el('section', {id: 'firm-timezone', class: 'card'}, el('h2', {}, t('settings.timezone')),
      el('p', {class: 'muted'}, t('settings.timezone_intro')), current, form, suggestions, status);
}
