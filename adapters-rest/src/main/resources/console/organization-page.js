// An organization (or any namespace): its repositories and, for its owners, its namespace-keyed
// webhooks with New Webhook.
import {api, seg} from './api.js';
import {h, replace} from './dom.js';
import {pageHeader} from './layout.js';
import {link} from './routes.js';
import {webhookTable} from './webhook-list.js';
import {loadTypes} from './webhook-types.js';

export async function render(main, {ns}) {
  const types = await loadTypes();
  const webhooks = h('section', {class: 'card', 'aria-labelledby': 'ns-webhooks'});
  const repositories = h('section', {class: 'card', 'aria-labelledby': 'ns-repos'});
  replace(main,
    h('nav', {class: 'breadcrumbs', 'aria-label': 'Breadcrumb'},
      h('a', {href: '#/organizations'}, 'Organizations'), ' / ', h('span', {'aria-current': 'page'}, ns)),
    pageHeader(ns),
    webhooks,
    repositories);
  await Promise.all([renderWebhooks(webhooks, ns, types), renderRepositories(repositories, ns)]);
}

async function renderWebhooks(panel, ns, types) {
  try {
    const {data} = await api('GET', `/api/v0/repositories/${seg(ns)}/webhooks`, {query: {pageSize: 100}});
    replace(panel,
      h('div', {class: 'section-header'},
        h('h2', {id: 'ns-webhooks'}, 'Webhooks'),
        h('a', {class: 'button button-primary', href: link('organizations', ns, 'webhooks', 'new')}, 'New Webhook')),
      h('p', {class: 'lead'}, `Webhooks keyed by ${ns} receive events of every repository in it.`),
      webhookTable(data, types, {empty: 'No webhooks on this namespace yet.'}));
  } catch (e) {
    if (e.status !== 403 && e.status !== 404) throw e;
    replace(panel, h('h2', {id: 'ns-webhooks'}, 'Webhooks'),
      h('p', {class: 'notice'}, e.status === 404
        ? 'There is no such namespace, or you cannot see it.'
        : 'Only owners of this organization can see and create its webhooks.'));
  }
}

async function renderRepositories(panel, ns) {
  try {
    const {data} = await api('GET', `/api/v0/repositories/${seg(ns)}`, {query: {pageSize: 100}});
    replace(panel, h('h2', {id: 'ns-repos'}, 'Repositories'),
      data.repositories.length
        ? h('ul', {class: 'link-list'}, data.repositories.map((r) => h('li', {},
          h('a', {href: link('repositories', r.namespace, r.name, 'webhooks')}, `${r.namespace} / ${r.name}`))))
        : h('p', {class: 'muted'}, 'No repositories you can see here.'));
  } catch (e) {
    replace(panel, h('h2', {id: 'ns-repos'}, 'Repositories'), h('p', {class: 'muted'}, e.message));
  }
}
