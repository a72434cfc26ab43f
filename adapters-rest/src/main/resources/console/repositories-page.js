// Repositories: every repository the user can see, a page at a time.
import {pageHeader} from './layout.js';
import {pagedTable} from './paged-table.js';
import {h, replace} from './dom.js';
import {link} from './routes.js';

export async function render(main) {
  const table = pagedTable({
    path: '/api/v0/repositories',
    items: (data) => data.repositories,
    caption: 'Repositories',
    filterLabel: 'Filter repositories',
    filterText: (r) => `${r.namespace}/${r.name} ${r.shortDescription}`,
    empty: 'No repositories you can see yet.',
    columns: [
      ['Repository', (r) => h('span', {class: 'repo-name'},
        h('a', {href: link('organizations', r.namespace), class: 'namespace'}, r.namespace), ' / ',
        h('a', {href: link('repositories', r.namespace, r.name), class: 'strong'}, r.name))],
      ['Visibility', (r) => h('span', {class: `pill pill-${r.visibility}`}, r.visibility)],
      ['Description', (r) => r.shortDescription || h('span', {class: 'muted'}, '—')],
    ],
  });
  replace(main,
    pageHeader('Repositories'),
    h('p', {class: 'lead'}, 'Choose a repository to see and manage its webhooks.'),
    table.root);
  await table.load();
  main.focus();
}
