// Language and formatting: German by default, English switchable. The
// strings themselves are in messages.js.

import {messages} from './messages.js';

const kStorageKey = 'akte.language';

function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(kStorageKey);
  } catch {
    stored = null;  // storage blocked: fall back to the browser's language
  }
  if (stored === 'de' || stored === 'en') return stored;
  const browser = (navigator.language || 'de').toLowerCase();
  return browser.startsWith('de') ? 'de' : 'en';
}

let language = initialLanguage();
const listeners = [];

export function getLanguage() {
  return language;
}

export function setLanguage(lang) {
  if (lang !== 'de' && lang !== 'en') return;
  language = lang;
  try {
    localStorage.setItem(kStorageKey, lang);
  } catch {
    // not remembered; still switched for this page
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

// t('search.results_for', {query: 'x'}) — {name} placeholders are replaced.
// A missing key shows as itself, so a gap is visible but harmless.
export function t(key, params) {
  let text = messages[language][key];
  if (text === undefined) text = messages.de[key];
  if (text === undefined) return key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }
  return text;
}

const locale = () => (language === 'de' ? 'de-DE' : 'en-GB');

// The firm's time zone (the setting firm.timezone, see time_zone.js): every
// time is shown in it, wherever the browser is. Until it is loaded, and
// when it is not set, Europe/Berlin.
export const kDefaultTimeZone = 'Europe/Berlin';
let firmTimeZone = kDefaultTimeZone;

// Whether this browser can show times in the IANA zone `name`.
export function knowsTimeZone(name) {
  try {
    new Intl.DateTimeFormat('de-DE', {timeZone: name});
    return !!name;
  } catch {
    return false;
  }
}

// Shows every time from now on in `name`; false (and no change) for a zone
// this browser does not know.
export function setTimeZone(name) {
  if (!knowsTimeZone(name)) return false;
  firmTimeZone = name;
  return true;
}

export function getTimeZone() {
  return firmTimeZone;
}

const timeZone = () => firmTimeZone;

// A date-only value "2024-12-31" is a calendar day: never shift it by zones.
function isDateOnly(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

// "31.12.2024 14:05" (de) or "31 Dec 2024, 14:05" (en); '' for nothing.
export function formatDateTime(value) {
  if (!value) return '';
  if (isDateOnly(value)) return formatDate(value);
  const date = new Date(value);
  if (isNaN(date)) return value;
  if (language === 'de') {
    const parts = {};
    const format = new Intl.DateTimeFormat('de-DE', {
      timeZone: timeZone(), day: '2-digit', month: '2-digit', year: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
    for (const part of format.formatToParts(date)) parts[part.type] = part.value;
    return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone(), day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit'}).format(date);
}

// "31.12.2024" (de) or "31 Dec 2024" (en).
export function formatDate(value) {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  if (isDateOnly(value) || /T00:00:00Z?$/.test(value)) {
    if (language === 'de') return `${match[3]}.${match[2]}.${match[1]}`;
    const day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric'}).format(day);
  }
  const date = new Date(value);
  if (isNaN(date)) return value;
  const options = language === 'de' ? {day: '2-digit', month: '2-digit', year: 'numeric'}
                                    : {day: 'numeric', month: 'short', year: 'numeric'};
  return new Intl.DateTimeFormat(locale(), {timeZone: timeZone(), ...options}).format(date);
}

// 123456 cents → "1.234,56 €" (de) or "€1,234.56" (en).
export function formatMoney(cents) {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(locale(), {style: 'currency', currency: 'EUR'}).format(cents / 100);
}

// 250 basis points → "2,5 %".
export function formatPercent(basisPoints) {
  if (basisPoints === null || basisPoints === undefined) return '';
  return new Intl.NumberFormat(locale(), {style: 'percent', maximumFractionDigits: 2})
      .format(basisPoints / 10000);
}

export function formatNumber(value, fractionDigits = 0) {
  return new Intl.NumberFormat(locale(), {
    minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits}).format(value);
}

// Reads "1.234,56" (de) or "1,234.56" (en) as a number; NaN when it is none.
export function parseDecimal(text) {
  let s = String(text).trim().replace(/[\s€%]/g, '');
  if (!s) return NaN;
  if (language === 'de') s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? parseFloat(s) : NaN;
}

// 1536 → "1,5 KB".
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return formatNumber(value, unit === 0 ? 0 : 1) + ' ' + units[unit];
}

// The wall clock of `date` in the firm's time zone, as the values of a date
// and a time input: {date: '2024-03-05', time: '14:05'}.
export function toDateTimeInputs(date = new Date()) {
  const parts = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone(), year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return {date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`};
}

// A wall-clock time of the firm's time zone with its offset there,
// "2025-03-31T23:59:59+02:00", for the API's period bounds; '' when `date`
// is not a date.
export function zonedMoment(date, time) {
  const utc = fromDateTimeInputs(date, time.slice(0, 5));
  if (!utc) return '';
  const wall = Date.parse(date + 'T' + time.slice(0, 5) + ':00Z');
  const offsetMinutes = Math.round((wall - Date.parse(utc)) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// The values of a date and a time input, read in the firm's time zone, as a
// UTC ISO 8601 time; null when they are incomplete.
export function fromDateTimeInputs(date, time) {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const wallMs = (inputs) => Date.parse(inputs.date + 'T' + inputs.time + ':00Z');
  const wanted = Date.UTC(+day[1], +day[2] - 1, +day[3], +clock[1], +clock[2]);
  // The zone's offset is what its clock shows minus UTC; a second round
  // settles a daylight saving change between the guess and the answer.
  let utc = wanted;
  for (let round = 0; round < 2; round++) utc += wanted - wallMs(toDateTimeInputs(new Date(utc)));
  return new Date(utc).toISOString();
}
