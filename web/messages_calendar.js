// The texts of "Kalender abonnieren" (settings_calendar.js), the secret
// link to a user's calendar, German and English. messages.js merges them
// into the page's messages.

const de = {
  'app.own_settings': 'Eigene Einstellungen: Kalender-Link, API-Tokens',
  'calendar.title': 'Kalender abonnieren',
  'calendar.intro': 'Ihre Termine, offenen Aufgaben und Wiedervorlagen und die Geburtstage der Kunden und Ansprechpartner als Kalender für Thunderbird, Outlook, Apple Kalender oder das Telefon. Das Kalenderprogramm holt ihn über einen geheimen Link und aktualisiert ihn selbst.',
  'calendar.secret_hint': 'Wer den Link kennt, kann diesen Kalender lesen: Geben Sie ihn nicht weiter. Ein neuer Link ersetzt den bisherigen; Kalender mit dem alten Link werden dann nicht mehr aktualisiert.',
  'calendar.create': 'Link erstellen',
  'calendar.renew': 'Neuen Link erstellen',
  'calendar.revoke': 'Link widerrufen',
  'calendar.revoke_confirm': 'Den Kalender-Link widerrufen? Abonnierte Kalender werden dann nicht mehr aktualisiert.',
  'calendar.revoked': 'Der Link funktioniert nicht mehr.',
  'calendar.none': 'Es gibt keinen Kalender-Link.',
  'calendar.shown_once': 'Ihr Link – er wird nur jetzt angezeigt. Fügen Sie ihn im Kalenderprogramm als Internet- oder Netzwerkkalender (Abonnement) hinzu:',
  'calendar.url': 'Kalender-Link',
  'calendar.copy': 'Kopieren',
  'calendar.copied': 'Kopiert.',
  'calendar.as_events': 'Aufgaben und Wiedervorlagen als ganztägige Termine (für Outlook, Apple Kalender und Google Kalender, die keine Aufgaben abonnieren)',
  'calendar.open': 'Im Kalenderprogramm öffnen (webcal://)',
  'calendar.open_hint': 'öffnet das Abonnieren in Apple Kalender, Outlook und anderen',
  'error.invalid_argument.todos': 'Unbekannte Darstellung der Aufgaben.',
};

const en = {
  'app.own_settings': 'Your settings: calendar link, API tokens',
  'calendar.title': 'Calendar subscription',
  'calendar.intro': 'Your appointments, open tasks and follow-ups and the birthdays of customers and contact persons as a calendar for Thunderbird, Outlook, Apple Calendar or your phone. The calendar program fetches it through a secret link and refreshes it by itself.',
  'calendar.secret_hint': 'Anyone who knows the link can read this calendar: keep it to yourself. A new link replaces the previous one; calendars using the old link then no longer update.',
  'calendar.create': 'Create link',
  'calendar.renew': 'Create new link',
  'calendar.revoke': 'Revoke link',
  'calendar.revoke_confirm': 'Revoke the calendar link? Subscribed calendars will no longer update.',
  'calendar.revoked': 'The link no longer works.',
  'calendar.none': 'There is no calendar link.',
  'calendar.shown_once': 'Your link – it is shown only now. Add it in your calendar program as an internet or network calendar (subscription):',
  'calendar.url': 'Calendar link',
  'calendar.copy': 'Copy',
  'calendar.copied': 'Copied.',
  'calendar.as_events': 'Tasks and follow-ups as all-day events (for Outlook, Apple Calendar and Google Calendar, which subscribe to no tasks)',
  'calendar.open': 'Open in calendar program (webcal://)',
  'calendar.open_hint': 'opens the subscription in Apple Calendar, Outlook and others',
  'error.invalid_argument.todos': 'Unknown way of showing tasks.',
};

export const calendarMessages = {de, en};
