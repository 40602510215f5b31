// Reading and changing location.hash; app.js routes on every change.

// "#/customers/3/notizen?x=1" → {parts: ['customers', '3', 'notizen'], params}
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), params};
}

// Goes to hash; to the same hash it renders the page again.
export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function customerHref(id, tab = 'adresse') {
  return '#/customers/' + encodeURIComponent(id) + '/' + tab;
}

export function searchHref(query, params = {}) {
  const qs = new URLSearchParams({q: query, ...params});
  return '#/search?' + qs.toString();
}
