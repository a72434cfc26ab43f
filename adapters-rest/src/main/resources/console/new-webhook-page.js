// The New Webhook page for a repository, an organization (namespace) or, for admins, the whole
// registry (global).
import {h, replace} from './dom.js';
import {pageHeader} from './layout.js';
import {link} from './routes.js';
import {webhookForm} from './webhook-form.js';
import {loadTypes} from './webhook-types.js';

export async function render(main, {scope, key}) {
  const types = await loadTypes();
  const [back, where] = {
    repository: [link('repositories', ...key.split('/'), 'webhooks'), `repository ${key}`],
    namespace: [link('organizations', key), `organization ${key} (all its repositories)`],
    global: ['#/webhooks', 'the whole registry'],
  }[scope];
  const container = h('div', {class: 'form-card'});
  replace(main,
    h('nav', {class: 'breadcrumbs', 'aria-label': 'Breadcrumb'},
      h('a', {href: back}, scope === 'global' ? 'My webhooks' : key), ' / ', h('span', {'aria-current': 'page'}, 'New Webhook')),
    pageHeader('New Webhook'),
    h('p', {class: 'lead'}, `Subscribe a URL to events of ${where}.`),
    container);
  container.append(webhookForm({types, keyKind: scope, key, cancelHref: back}));
  main.querySelector('select').focus();
}
