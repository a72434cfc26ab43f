// My webhooks: the user's own webhooks everywhere (every webhook, for system admins), and for
// system admins New Webhook for global webhooks.
import {api} from './api.js';
import {h, replace} from './dom.js';
import {pageHeader} from './layout.js';
import {webhookTable} from './webhook-list.js';
import {loadTypes} from './webhook-types.js';

export async function render(main, params, {user}) {
  const [{data, nextPageStart}, types] = await Promise.all([
    api('GET', '/api/v0/webhooks', {query: {pageSize: 1000}}),
    loadTypes(),
  ]);
  replace(main,
    pageHeader(user.isAdmin ? 'All webhooks' : 'My webhooks',
      user.isAdmin ? h('a', {class: 'button button-primary', href: '#/webhooks/new'}, 'New Webhook') : null),
    h('p', {class: 'lead'}, user.isAdmin
      ? 'As a system admin you see every webhook. New Webhook here creates a global one, for events anywhere in the registry.'
      : 'The webhooks you created, across every repository and organization.'),
    webhookTable(data, types, {showKey: true, empty: 'No webhooks yet. Open a repository and choose its Webhooks tab to create one.'}),
    nextPageStart ? h('p', {class: 'muted'}, 'Only the first 1000 are shown.') : null);
  main.focus();
}
