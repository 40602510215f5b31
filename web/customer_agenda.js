// Tab "Aufgaben & Termine" of the customer file: its tasks (tasks.js) and
// its appointments (appointments.js), each with the form for a new one.

import {el, fill} from './dom.js';
import {appointmentSection} from './appointments.js';
import {t} from './i18n.js';
import {taskSection} from './tasks.js';

export async function render(panel, ctx) {
  const [tasks, appointments] = await Promise.all([taskSection(ctx), appointmentSection(ctx)]);
  fill(panel, el('h2', {}, t('tab.aufgaben')), tasks, appointments);
}
