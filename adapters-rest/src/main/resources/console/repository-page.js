// A repository: its details, and its Webhooks tab with every webhook on it (other users' too, for
// repository admins) and New Webhook for those who may create one.
import {api, seg} from './api.js';
import {h, replace} from './dom.js';
import {pageHeader} from './layout.js';
import {link} from './routes.js';
import {webhookTable} from './webhook-list.js';
import {loadTypes} from './webhook-types.js';

export async function render(main, {ns, repo, tab}) {
  const [{data: repository}, types] = await Promise.all([
    api('GET', `/api/v0/repositories/${seg(ns)}/${seg(repo)}`),
    loadTypes(),
  ]);
  const panel = h('section', {class: 'tab-panel', 'aria-labelledby': `tab-${tab}`});
  replace(main,
    h('nav', {class: 'breadcrumbs', 'aria-label': 'Breadcrumb'},
      h('a', {href: '#/repositories'}, 'Repositories'), ' / ',
      h('a', {href: link('organizations', ns)}, ns), ' / ',
      h('span', {'aria-current': 'page'}, repo)),
    pageHeader(`${ns} / ${repo}`),
    h('div', {class: 'tabs', role: 'tablist'},
      tabLink('info', 'Info', link('repositories', ns, repo), tab),
      tabLink('webhooks', 'Webhooks', link('repositories', ns, repo, 'webhooks'), tab)),
    panel);
  if (tab === 'webhooks') {
    await renderWebhooks(panel, ns, repo, types);
  } else {
    renderInfo(panel, repository);
  }
}

function tabLink(id, label, href, current) {
  return h('a', {id: `tab-${id}`, role: 'tab', href, class: id === current ? 'tab active' : 'tab',
    'aria-selected': id === current ? 'true' : 'false'}, label);
}

function renderInfo(panel, r) {
  const rows = [
    ['Visibility', r.visibility],
    ['Description', r.shortDescription || '—'],
    ['Scan on push', r.scanOnPush ? 'yes' : 'no'],
    ['Immutable tags', r.immutableTags ? 'yes' : 'no'],
    ['Pulls', String(r.pulls)],
    ['Pushes', String(r.pushes)],
  ];
  replace(panel, h('dl', {class: 'details'}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

async function renderWebhooks(panel, ns, repo, types) {
  try {
    const {data} = await api('GET', `/api/v0/repositories/${seg(ns)}/${seg(repo)}/webhooks`, {query: {pageSize: 100}});
    replace(panel,
      h('div', {class: 'section-header'},
        h('h2', {}, 'Webhooks'),
        h('a', {class: 'button button-primary', href: link('repositories', ns, repo, 'webhooks', 'new')}, 'New Webhook')),
      h('p', {class: 'lead'}, 'Webhooks send a POST request to a URL of your choice when an event happens in this repository.'),
      webhookTable(data, types, {empty: 'No webhooks on this repository yet. Create one with New Webhook.'}));
  } catch (e) {
    if (e.status !== 403) throw e;
    replace(panel,
      h('h2', {}, 'Webhooks'),
      h('p', {class: 'notice'}, 'Only admins of this repository can see and create its webhooks. Your own webhooks are under My webhooks.'));
  }
}
