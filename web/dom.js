// Building DOM without innerHTML: all text goes in as textContent, so
// data from the server can never become markup.

import {errorMessage} from './error_text.js';

// el('a', {href: '#/x', class: 'hit-title'}, 'text', childNode, ...)
// Attributes starting with "on" take a listener: {onclick: fn}.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

// Replaces all children of node.
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// Calls fn after the input has been quiet for ms milliseconds.
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// A line of error text for a failed request (ApiError or anything else),
// in the user's language.
export function errorText(error) {
  return errorMessage(error);
}
