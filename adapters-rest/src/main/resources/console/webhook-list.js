// A table of webhooks: event, URL, state and last success; each row leads to the webhook's page.
import {h, time} from './dom.js';
import {link} from './routes.js';
import {eventLabel} from './webhook-types.js';

export function webhookState(webhook) {
  return webhook.inactive
    ? h('span', {class: 'pill pill-paused'}, 'Paused')
    : h('span', {class: 'pill pill-active'}, 'Active');
}

/** webhooks: the API's webhook objects; types: from loadTypes(); showKey: add a column for the key. */
export function webhookTable(webhooks, types, {showKey = false, empty = 'No webhooks yet.'} = {}) {
  const columns = [
    ['Event', (w) => h('a', {href: link('webhooks', w.id), class: 'strong'}, eventLabel(types, w.type))],
    showKey ? ['Scope', (w) => w.key || h('span', {class: 'muted'}, 'global')] : null,
    ['URL', (w) => h('code', {class: 'url'}, w.endpoint)],
    ['State', webhookState],
    ['Last success', (w) => time(w.lastSuccessfulAt)],
  ].filter(Boolean);
  return h('div', {class: 'table-wrap'},
    h('table', {class: 'table webhooks'},
      h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', {scope: 'col'}, heading)))),
      h('tbody', {},
        webhooks.length
          ? webhooks.map((w) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(w)))))
          : h('tr', {}, h('td', {colspan: columns.length, class: 'empty'}, empty)))));
}
