// Builds DOM nodes. Text always goes in as text nodes (never parsed as HTML), so data from the API
// can never become markup or script.

/**
 * h('a', {href: '#/x', class: 'link', onClick: fn}, 'text', otherNode)
 * Attributes with null, undefined or false values are left out; true means present and empty.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** "2026-12-04T05:45:11.123Z" as a short local date and time; MSR's zero time as "never". */
export function when(timestamp) {
  if (!timestamp || timestamp.startsWith('0001-01-01')) return 'never';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return date.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

/** A <time> element showing when(timestamp), with the exact value on hover. */
export function time(timestamp) {
  return h('time', {datetime: timestamp, title: timestamp}, when(timestamp));
}

/** A status message region; screen readers announce what is put in it. */
export function liveRegion(className = 'status') {
  return h('div', {class: className, role: 'status', 'aria-live': 'polite'});
}
