// Shows an ApiError's messages next to the fields they name, and the rest above the form.
import {h, uid} from './dom.js';

/** A labelled field whose error message sits right under it, wired for screen readers. */
export function field(name, label, control, hint) {
  const errorId = uid(`${name}-error`);
  const hintId = hint ? uid(`${name}-hint`) : null;
  if (!control.id) control.id = uid(name);
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = h('p', {id: errorId, class: 'field-error', hidden: true});
  const wrapper = h('div', {class: 'field', 'data-field': name},
    h('label', {for: control.id}, label),
    hint ? h('p', {id: hintId, class: 'hint'}, hint) : null,
    control, error);
  return {wrapper, control, error, name};
}

/** A field whose control sits beside a button, such as the URL and Test. */
export function fieldWithAction(name, label, control, action, hint) {
  const f = field(name, label, control, hint);
  const row = h('div', {class: 'input-row'}, control, action);
  f.error.before(row);
  return f;
}

export function clearErrors(fields, summary) {
  for (const f of fields) {
    f.error.hidden = true;
    f.error.textContent = '';
    f.control.removeAttribute('aria-invalid');
  }
  summary.hidden = true;
  summary.replaceChildren();
}

/** Puts each message by its field; what names no field goes into the summary. */
export function showErrors(error, fields, summary) {
  clearErrors(fields, summary);
  let first = null;
  for (const f of fields) {
    const message = error.fields && error.fields[f.name];
    if (message) {
      f.error.textContent = message;
      f.error.hidden = false;
      f.control.setAttribute('aria-invalid', 'true');
      first = first || f.control;
    }
  }
  const rest = error.unplaced ? error.unplaced(fields.map((f) => f.name)) : [error.message];
  if (rest.length) {
    summary.append(...rest.map((m) => h('p', {}, m)));
    summary.hidden = false;
  }
  (first || summary).focus();
}
