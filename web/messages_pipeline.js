// The texts of the sales pipeline of prospects (pipeline.js, the customer
// list's filter) and of renaming types (settings_types.js), German and
// English. messages.js merges them into the page's messages.

const de = {
  'pipeline.status': 'Vertriebsstatus',
  'pipeline.new': 'neu',
  'pipeline.contacted': 'kontaktiert',
  'pipeline.offer_sent': 'Angebot gesendet',
  'pipeline.won': 'gewonnen',
  'pipeline.lost': 'verloren',
  'pipeline.remark': 'Bemerkung für die Historie (optional)',
  'pipeline.change': 'Status ändern',
  'pipeline.unchanged': 'Der Interessent hat diesen Status schon.',
  'pipeline.changed': 'Status auf „{status}“ gesetzt und in der Historie vermerkt.',
  'pipeline.convert': 'In Kunden umwandeln',
  'pipeline.convert_number': 'Neue Kundennummer (leer: {number} behalten)',
  'pipeline.convert_confirm':
      '„{name}“ in einen Kunden mit der Nummer {number} umwandeln? Akte und Historie bleiben erhalten.',
  'pipeline.converted': 'In Kunden {number} umgewandelt; alle Dokumente, Notizen und die Historie bleiben erhalten.',
  'pipeline.converted_at': 'Kunde seit {time} (vorher Interessent)',
  'pipeline.conflict': 'Der Datensatz wurde inzwischen geändert. Bitte prüfen und erneut versuchen.',
  'error.invalid_argument.pipeline_status': 'Kein gültiger Vertriebsstatus.',
  'error.invalid_argument.status': 'Kein gültiger Vertriebsstatus.',
  'error.invalid_argument.remark': 'Die Bemerkung ist zu lang.',

  'customers.kind_filter': 'Art und Status',
  'customers.all_kinds': 'Kunden und Interessenten',
  'customers.only_customers': 'nur Kunden',
  'customers.only_prospects': 'nur Interessenten',
  'customers.prospects_at': 'Interessenten: {status}',

  'settings.type_rename': 'Umbenennen',
  'settings.type_new_name': 'Neuer Name für „{name}“',
  'settings.type_renamed': '„{old}“ heißt jetzt „{name}“; alles mit diesem Typ trägt den neuen Namen.',
};

const en = {
  'pipeline.status': 'Sales status',
  'pipeline.new': 'new',
  'pipeline.contacted': 'contacted',
  'pipeline.offer_sent': 'offer sent',
  'pipeline.won': 'won',
  'pipeline.lost': 'lost',
  'pipeline.remark': 'Remark for the history (optional)',
  'pipeline.change': 'Change status',
  'pipeline.unchanged': 'The prospect has this status already.',
  'pipeline.changed': 'Status set to “{status}” and noted in the history.',
  'pipeline.convert': 'Convert to customer',
  'pipeline.convert_number': 'New customer number (empty: keep {number})',
  'pipeline.convert_confirm':
      'Make “{name}” a customer with number {number}? Its file and history stay as they are.',
  'pipeline.converted': 'Converted to customer {number}; all documents, notes and the history stay.',
  'pipeline.converted_at': 'Customer since {time} (before: prospect)',
  'pipeline.conflict': 'The record was changed meanwhile. Please check and try again.',

  'customers.kind_filter': 'Kind and status',
  'customers.all_kinds': 'Customers and prospects',
  'customers.only_customers': 'Customers only',
  'customers.only_prospects': 'Prospects only',
  'customers.prospects_at': 'Prospects: {status}',

  'settings.type_rename': 'Rename',
  'settings.type_new_name': 'New name for “{name}”',
  'settings.type_renamed': '“{old}” is now “{name}”; everything of this type carries the new name.',
};

export const pipelineMessages = {de, en};
