// Tab "Dokumente": the list, download and preview, and upload by file
// picker or drag and drop (XMLHttpRequest, for the progress bar).

import * as api from './api.js';
import {el, errorText, fill} from './dom.js';
import {formatBytes, formatDate, formatDateTime, formatNumber, t} from './i18n.js';
import {canWrite} from './session.js';

// What the server shows inline (http/src/download.cpp); the rest downloads.
const kInline = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain'];

function mediaType(doc) {
  return (doc.mime_type || '').split(';')[0].trim().toLowerCase();
}

function showPreview(box, doc) {
  const url = api.contentUrl(doc.id, true);
  const type = mediaType(doc);
  const close = el('button', {type: 'button', class: 'close'}, t('action.close'));
  close.addEventListener('click', () => fill(box));
  const view = type.startsWith('image/')
      ? el('img', {src: url, alt: doc.title || doc.filename, class: 'preview-image'})
      : el('iframe', {src: url, title: doc.title || doc.filename, class: 'preview-frame'});
  fill(box, el('div', {class: 'panel-head'}, el('h3', {}, doc.title || doc.filename), close), view);
  box.scrollIntoView({block: 'nearest'});
}

function row(doc, previewBox, focused) {
  const title = doc.title || doc.filename;
  const preview = kInline.includes(mediaType(doc))
      ? el('button', {type: 'button', class: 'preview'}, t('documents.preview')) : null;
  if (preview) preview.addEventListener('click', () => showPreview(previewBox, doc));
  const state = el('span', {class: 'state state-' + doc.state, title: doc.error || ''},
      t('state.' + doc.state));
  return el('tr', {class: 'document-row' + (focused ? ' focused' : ''), dataset: {id: String(doc.id)}},
      el('td', {}, el('a', {href: api.contentUrl(doc.id, false), class: 'document-title', download: ''}, title),
          title !== doc.filename ? el('div', {class: 'muted small'}, doc.filename) : null),
      el('td', {}, doc.type || '—'),
      el('td', {}, doc.document_date ? formatDate(doc.document_date) : formatDateTime(doc.uploaded_at)),
      el('td', {class: 'num'}, formatBytes(doc.size)),
      el('td', {}, state),
      el('td', {class: 'row-actions'}, preview,
          el('a', {href: api.contentUrl(doc.id, false), class: 'button', download: ''}, t('documents.download'))));
}

function uploadArea(ctx, types, reload) {
  const input = el('input', {type: 'file', id: 'document-upload', multiple: true, class: 'visually-hidden'});
  const typeSelect = el('select', {id: 'document-type', 'aria-label': t('documents.type')},
      el('option', {value: ''}, t('documents.type_auto')), types.map((type) => el('option', {value: type}, type)));
  const progress = el('progress', {id: 'upload-progress', max: '100', value: '0', hidden: true});
  const status = el('p', {class: 'upload-status', 'aria-live': 'polite'});
  const zone = el('div', {id: 'drop-zone', class: 'drop-zone'},
      el('p', {}, t('documents.drop_here')),
      el('label', {for: 'document-upload', class: 'button'}, t('documents.choose')),
      input, typeSelect, progress, status);

  async function send(files) {
    if (!files.length) return;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = t('documents.uploading', {count: files.length});
    try {
      const answer = await api.upload({customer_id: ctx.customer.id, type: typeSelect.value}, files,
          (loaded, total) => {
            progress.value = Math.round((loaded / total) * 100);
          });
      progress.value = 100;
      const count = (answer && answer.items ? answer.items.length : files.length);
      status.textContent = t('documents.uploaded', {count: formatNumber(count)});
      await reload();
    } catch (error) {
      status.textContent = error.status === 413 ? t('documents.too_large') : errorText(error);
    } finally {
      input.value = '';
      progress.hidden = true;
    }
  }

  input.addEventListener('change', () => send([...input.files]));
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    send([...(event.dataTransfer ? event.dataTransfer.files : [])]);
  });
  return zone;
}

export async function render(panel, ctx) {
  const previewBox = el('div', {id: 'document-preview', class: 'preview-box'});
  const body = el('tbody');
  const table = el('table', {id: 'document-list', class: 'list'},
      el('thead', {}, el('tr', {},
          [t('documents.title'), t('documents.type'), t('documents.date'), t('documents.size'),
            t('documents.state'), ''].map((label) => el('th', {scope: 'col'}, label)))),
      body);
  const focusId = ctx.params.get('doc');
  let polls = 0;
  let timer = null;

  async function reload() {
    const answer = await api.get('/customers/' + ctx.customer.id + '/documents', {limit: 500});
    const docs = answer.items || [];
    fill(body, docs.length ? docs.map((doc) => row(doc, previewBox, String(doc.id) === focusId))
        : el('tr', {}, el('td', {colspan: '6', class: 'empty muted'}, t('documents.empty'))));
    // Fresh uploads are extracted in the background: look again shortly.
    clearTimeout(timer);
    if (docs.some((d) => d.state === 'pending') && polls++ < 20 && panel.isConnected) {
      timer = setTimeout(() => reload().catch(() => {}), 1500);
    }
  }

  const types = canWrite() ? ((await api.get('/document-types')).items || []) : [];
  fill(panel, el('h2', {}, t('tab.dokumente')),
      canWrite() ? uploadArea(ctx, types, () => {
        polls = 0;
        return reload();
      }) : null,
      el('div', {class: 'table-wrap'}, table), previewBox);
  await reload();
  const focused = body.querySelector('tr.focused a');
  if (focused) focused.focus();
}
