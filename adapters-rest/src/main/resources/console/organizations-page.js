// Organizations: the namespaces of the repositories the user can see, and the user's own, each
// leading to its namespace webhooks (which only its owners can manage).
import {api} from './api.js';
import {h, replace, uid} from './dom.js';
import {pageHeader} from './layout.js';
import {link} from './routes.js';

export async function render(main, params, {user}) {
  const {data} = await api('GET', '/api/v0/repositories', {query: {pageSize: 1000}});
  const counts = new Map();
  for (const r of data.repositories) {
    const entry = counts.get(r.namespace) || {type: r.namespaceType, repositories: 0};
    entry.repositories += 1;
    counts.set(r.namespace, entry);
  }
  if (!counts.has(user.name)) counts.set(user.name, {type: 'user', repositories: 0});
  const names = [...counts.keys()].sort((a, b) => (a === user.name ? -1 : b === user.name ? 1 : a.localeCompare(b)));
  const goId = uid('namespace');
  const go = h('input', {id: goId, name: 'namespace', autocomplete: 'off', spellcheck: 'false'});
  const form = h('form', {class: 'inline-form'},
    h('label', {for: goId}, 'Open a namespace by name'), go, h('button', {type: 'submit', class: 'button'}, 'Open'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (go.value.trim()) window.location.hash = link('organizations', go.value.trim());
  });
  replace(main,
    pageHeader('Organizations'),
    h('p', {class: 'lead'}, 'Organization owners can subscribe to events of every repository in the organization, and to repositories being created, updated or deleted.'),
    h('div', {class: 'table-wrap'}, h('table', {class: 'table'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Namespace'), h('th', {scope: 'col'}, 'Kind'), h('th', {scope: 'col'}, 'Repositories you see'))),
      h('tbody', {}, names.map((name) => {
        const entry = counts.get(name);
        return h('tr', {},
          h('td', {}, h('a', {href: link('organizations', name), class: 'strong'}, name)),
          h('td', {}, name === user.name ? 'your namespace' : entry.type),
          h('td', {}, String(entry.repositories)));
      })))),
    form);
  main.focus();
}
