// The firm's time zone: the setting firm.timezone, read once a user is
// signed in, so that every time on the page is shown in it.

import * as api from './api.js';
import {kDefaultTimeZone, setTimeZone} from './i18n.js';

export const kTimeZoneSetting = '/settings/firm.timezone';

// Reads the setting and shows times in it from now on; Europe/Berlin when
// it is not set (404), cannot be read, or names a zone the browser does not
// know. Never throws: the page works without it.
export async function loadFirmTimeZone() {
  let name = kDefaultTimeZone;
  try {
    const setting = await api.get(kTimeZoneSetting);
    name = setting.value;
  } catch (error) {
    name = kDefaultTimeZone;
  }
  if (!setTimeZone(name)) setTimeZone(kDefaultTimeZone);
}
