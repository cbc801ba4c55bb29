// Small DOM helpers shared by the console and <ferry-importer>: build elements without innerHTML, so no
// value from a file or from the API is ever parsed as markup.

let counter = 0;

/** A fresh id for label/aria wiring inside one shadow root or page. */
export function uid(prefix = "f") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * h("button", {class: "primary", onclick: fn, "aria-label": "Close"}, "text", child)
 * Attributes: `class`, `text`, `on<event>` handlers, boolean `hidden`/`disabled`/`checked`, `dataset` object;
 * everything else is set with setAttribute (null/undefined/false skip it).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = String(value);
    else if (name === "dataset") Object.assign(el.dataset, value);
    else if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "hidden" || name === "disabled" || name === "checked" || name === "selected") el[name] = true;
    else if (name === "value") el.value = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const numbers = new Intl.NumberFormat("en");

export function fmtNumber(n) {
  return typeof n === "number" ? numbers.format(n) : "—";
}

export function fmtPercent(part, whole) {
  if (!whole) return "0%";
  return `${Math.round((part / whole) * 100)}%`;
}

export function plural(n, one, many = `${one}s`) {
  return `${fmtNumber(n)} ${n === 1 ? one : many}`;
}

export function fmtTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
