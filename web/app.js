// The page's frame: top bar, and the router on location.hash.
//   #/login  #/overview (the dashboard, the start page)  #/search?q=…  #/customers
//   #/customers/<id>/<tab>  #/inbox  #/settings

import * as api from './api.js';
import {el, fill} from './dom.js';
import {getLanguage, onLanguageChange, setLanguage, t} from './i18n.js';
import {navigate, parseHash} from './nav.js';
import * as session from './session.js';
import * as login from './login.js';
import * as search from './search.js';
import * as customers from './customers.js';
import * as customerFile from './customer_file.js';
import * as inbox from './inbox.js';
import * as overview from './overview.js';
import * as settings from './settings.js';
import {loadFirmTimeZone} from './time_zone.js';

// What "#/" and a fresh login show.
const kStartPage = 'overview';

const app = document.getElementById('app');
let header = null;
let view = null;

function languageSelect() {
  const select = el('select', {id: 'language', 'aria-label': t('app.language')},
      el('option', {value: 'de'}, 'Deutsch'),
      el('option', {value: 'en'}, 'English'));
  select.value = getLanguage();
  select.addEventListener('change', () => setLanguage(select.value));
  return select;
}

function searchBox() {
  const {parts, params} = parseHash();
  const input = el('input', {
    id: 'search', type: 'search', placeholder: t('app.search_placeholder'),
    'aria-label': t('app.search'), autocomplete: 'off',
  });
  if (parts[0] === 'search') input.value = params.get('q') || '';
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const q = input.value.trim();
    if (q) navigate('#/search?q=' + encodeURIComponent(q));
  });
  return input;
}

function renderHeader() {
  const user = session.currentUser();
  const bar = el('header', {class: 'topbar'});
  bar.append(el('a', {class: 'brand', href: '#/' + kStartPage}, 'akte'));
  if (user) {
    const nav = el('nav', {class: 'mainnav', 'aria-label': t('app.navigation')},
        el('a', {href: '#/overview', id: 'nav-overview'}, t('nav.overview')),
        el('a', {href: '#/customers', id: 'nav-customers'}, t('nav.customers')),
        el('a', {href: '#/inbox', id: 'nav-inbox'}, t('nav.inbox')),
        session.isAdmin() ? el('a', {href: '#/settings', id: 'nav-settings'}, t('nav.settings')) : null);
    const logout = el('button', {type: 'button', id: 'logout'}, t('app.logout'));
    logout.addEventListener('click', async () => {
      try {
        await session.logOut();
      } finally {
        renderHeader();
        navigate('#/login');
      }
    });
    bar.append(nav, searchBox(),
        // Everyone's own settings (calendar link, API tokens), also for non-admins.
        el('a', {class: 'user', id: 'user-name', href: '#/settings', title: t('app.own_settings')},
            user.display_name || user.username),
        languageSelect(), logout);
  } else {
    bar.append(el('span', {class: 'spacer'}), languageSelect());
  }
  if (header) header.replaceWith(bar);
  else app.prepend(bar);
  header = bar;
  markCurrentNav();
}

function markCurrentNav() {
  const {parts} = parseHash();
  for (const link of header.querySelectorAll('.mainnav a')) {
    const current = link.getAttribute('href') === '#/' + (parts[0] || kStartPage);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function route() {
  const {parts, params} = parseHash();
  const page = parts[0] || kStartPage;
  if (page !== 'login' && !session.currentUser()) {
    location.hash = '#/login?next=' + encodeURIComponent(location.hash || '#/' + kStartPage);
    return;
  }
  if (page === 'login' && session.currentUser()) {
    location.hash = '#/' + kStartPage;
    return;
  }
  markCurrentNav();
  const search = header.querySelector('#search');
  if (search && page === 'search') search.value = params.get('q') || '';
  switch (page) {
    case 'login': return login.render(view, params, onLoggedIn);
    case 'overview': return overview.render(view);
    case 'search': return searchPage(params);
    case 'customers':
      if (parts[1]) return customerFile.render(view, parts[1], parts[2] || 'adresse', params);
      return customers.render(view);
    case 'inbox': return inbox.render(view);
    case 'settings': return settings.render(view);
    default: return notFound();
  }
}

function searchPage(params) {
  return search.render(view, params);
}

function notFound() {
  fill(view, el('h1', {}, t('app.not_found')),
      el('p', {}, el('a', {href: '#/customers'}, t('nav.customers'))));
}

// Times are shown in the firm's time zone: read it before the first page.
async function onLoggedIn(next) {
  await loadFirmTimeZone();
  renderHeader();
  navigate(next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/' + kStartPage);
}

// "/" jumps to the search box, unless the user is typing somewhere.
function onKeyDown(event) {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const typing = target instanceof HTMLElement &&
      (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  if (typing) return;
  const search = document.getElementById('search');
  if (!search) return;
  event.preventDefault();
  search.focus();
  search.select();
}

async function start() {
  document.documentElement.lang = getLanguage();
  view = el('div', {id: 'view', class: 'view'});
  fill(app, view);
  api.setUnauthorizedHandler(() => {
    if (!session.currentUser()) return;
    session.forget();
    renderHeader();
    const next = location.hash.startsWith('#/login') ? '' : '&next=' + encodeURIComponent(location.hash);
    location.hash = '#/login?expired=1' + next;
  });
  try {
    if (await session.check()) await loadFirmTimeZone();
  } catch (error) {
    // The server is unreachable; the login page will say so when used.
  }
  renderHeader();
  onLanguageChange(() => {
    customerFile.forget();
    renderHeader();
    route();
  });
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', onKeyDown);
  route();
}

start();
