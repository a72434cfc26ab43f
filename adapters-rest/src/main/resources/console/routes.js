// Which page each address shows. The fragment is split into segments; segments are decoded once.
import * as repositories from './repositories-page.js';
import * as repository from './repository-page.js';
import * as organizations from './organizations-page.js';
import * as organization from './organization-page.js';
import * as myWebhooks from './my-webhooks-page.js';
import * as newWebhook from './new-webhook-page.js';
import * as webhook from './webhook-page.js';
import * as explorer from './api-explorer.js';
import * as accounts from './accounts-page.js';

const TABLE = [
  [['repositories'], repositories, 'repositories', () => ({})],
  [['repositories', ':ns', ':repo'], repository, 'repositories', (p) => ({...p, tab: 'info'})],
  [['repositories', ':ns', ':repo', 'webhooks'], repository, 'repositories', (p) => ({...p, tab: 'webhooks'})],
  [['repositories', ':ns', ':repo', 'webhooks', 'new'], newWebhook, 'repositories', (p) => ({scope: 'repository', key: `${p.ns}/${p.repo}`})],
  [['organizations'], organizations, 'organizations', () => ({})],
  [['organizations', ':ns'], organization, 'organizations', (p) => p],
  [['organizations', ':ns', 'webhooks', 'new'], newWebhook, 'organizations', (p) => ({scope: 'namespace', key: p.ns})],
  [['webhooks'], myWebhooks, 'webhooks', () => ({})],
  [['webhooks', 'new'], newWebhook, 'webhooks', () => ({scope: 'global', key: ''})],
  [['webhooks', ':id'], webhook, 'webhooks', (p) => p],
  [['api'], explorer, 'api', () => ({})],
  [['accounts'], accounts, 'accounts', () => ({})],
];

export function route(hash) {
  const segments = (hash || '').replace(/^#\/?/, '').split('/').filter((s) => s !== '');
  for (const [pattern, page, section, params] of TABLE) {
    if (pattern.length !== segments.length) continue;
    const found = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        try {
          found[part.slice(1)] = decodeURIComponent(segments[i]);
        } catch (e) {
          return false;
        }
        return true;
      }
      return part === segments[i];
    });
    if (matches) return {page, section, params: params(found)};
  }
  return {page: repositories, section: 'repositories', params: {}};
}

/** '#/repositories/a%2Fb/…' from parts; each part is encoded. */
export function link(...parts) {
  return '#/' + parts.map((p) => encodeURIComponent(p)).join('/');
}
