// A webhook's page: what it is, edit its URL and TLS settings, pause or resume, rotate the secret,
// delete it, and its delivery history.
import {api, seg} from './api.js';
import {h, liveRegion, replace, time, uid} from './dom.js';
import {clearErrors, field, showErrors} from './field-errors.js';
import {deliveryHistory} from './delivery-history.js';
import {pageHeader} from './layout.js';
import {link} from './routes.js';
import {secretPanel} from './secret-panel.js';
import {webhookState} from './webhook-list.js';
import {eventLabel, loadTypes} from './webhook-types.js';

export async function render(main, {id}) {
  const [{data: webhook}, types] = await Promise.all([
    api('GET', `/api/v0/webhooks/${seg(id)}`),
    loadTypes(),
  ]);
  const status = liveRegion('page-status');
  const secretArea = h('div');
  const history = deliveryHistory(webhook.id);
  replace(main,
    h('nav', {class: 'breadcrumbs', 'aria-label': 'Breadcrumb'}, ...breadcrumbs(webhook)),
    pageHeader(eventLabel(types, webhook.type), webhookState(webhook)),
    status,
    h('div', {class: 'webhook-grid'},
      h('section', {class: 'card', 'aria-labelledby': 'about-title'},
        h('h2', {id: 'about-title'}, 'Settings'),
        details(webhook),
        editForm(webhook, status)),
      h('section', {class: 'card', 'aria-labelledby': 'manage-title'},
        h('h2', {id: 'manage-title'}, 'Manage'),
        pauseButton(webhook, status),
        rotateButton(webhook, secretArea),
        deleteControl(webhook),
        secretArea)),
    history.root);
  await history.load();
}

function breadcrumbs(webhook) {
  const key = webhook.key || '';
  const parts = key.split('/');
  if (!key) return [h('a', {href: '#/webhooks'}, 'My webhooks'), ' / ', h('span', {'aria-current': 'page'}, 'Webhook')];
  const owner = parts.length === 2
    ? h('a', {href: link('repositories', parts[0], parts[1], 'webhooks')}, key)
    : h('a', {href: link('organizations', key)}, key);
  return [owner, ' / ', h('span', {'aria-current': 'page'}, 'Webhook')];
}

function details(w) {
  const rows = [
    ['Scope', w.key || 'global (every repository and namespace)'],
    ['URL', h('code', {class: 'url'}, w.endpoint)],
    ['TLS', w.skipTLSVerification ? 'verification skipped' : w.tlsCert ? 'custom certificate' : 'publicly trusted certificates'],
    ['Created', time(w.createdAt)],
    ['Last success', time(w.lastSuccessfulAt)],
    ['ID', h('code', {}, w.id)],
  ];
  return h('dl', {class: 'details'}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function editForm(w, status) {
  const url = h('input', {name: 'endpoint', type: 'url', value: w.endpoint, spellcheck: 'false'});
  const cert = h('textarea', {name: 'tlsCert', rows: '4', spellcheck: 'false', placeholder: '-----BEGIN CERTIFICATE-----'});
  cert.value = w.tlsCert || '';
  const skipId = uid('skip');
  const skip = h('input', {id: skipId, type: 'checkbox', name: 'skipTLSVerification', checked: w.skipTLSVerification});
  const fields = [field('endpoint', 'Webhook URL', url), field('tlsCert', 'TLS certificate', cert)];
  const summary = h('div', {class: 'form-error', role: 'alert', tabindex: '-1', hidden: true});
  const save = h('button', {type: 'submit', class: 'button'}, 'Save changes');
  const form = h('form', {class: 'form', novalidate: true},
    h('h3', {}, 'Edit'), summary, fields[0].wrapper, fields[1].wrapper,
    h('div', {class: 'field checkbox'}, skip, h('label', {for: skipId}, 'Skip TLS verification')),
    h('div', {class: 'form-actions'}, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, summary);
    save.disabled = true;
    try {
      await api('PATCH', `/api/v0/webhooks/${seg(w.id)}`, {body: {endpoint: url.value.trim(), tlsCert: cert.value, skipTLSVerification: skip.checked}});
      status.textContent = 'Saved.';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      showErrors(e, fields, summary);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function pauseButton(w, status) {
  const button = h('button', {type: 'button', class: 'button'}, w.inactive ? 'Resume' : 'Pause');
  const explain = h('p', {class: 'hint'}, w.inactive
    ? 'Paused: events are not delivered to this webhook.'
    : 'Pausing stops deliveries until you resume.');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('PATCH', `/api/v0/webhooks/${seg(w.id)}`, {body: {inactive: !w.inactive}});
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      status.textContent = e.message;
      button.disabled = false;
    }
  });
  return h('div', {class: 'manage-row'}, button, explain);
}

function rotateButton(w, secretArea) {
  const button = h('button', {type: 'button', class: 'button'}, 'Rotate secret');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const {data} = await api('POST', `/api/v0/webhooks/${seg(w.id)}/secret/rotate`, {body: {graceSeconds: 86400}});
      const panel = secretPanel({title: 'New signing secret', secret: data.secret, webhookId: w.id,
        note: 'The previous secret keeps signing for 24 hours, so receivers can switch without missing a delivery.'});
      replace(secretArea, panel);
      panel.querySelector('h2').focus();
    } catch (e) {
      replace(secretArea, h('p', {class: 'form-error', role: 'alert'}, e.message));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {class: 'manage-row'}, button, h('p', {class: 'hint'}, 'Issues a new signing secret.'));
}

function deleteControl(w) {
  const ask = h('button', {type: 'button', class: 'button button-danger'}, 'Delete webhook');
  const confirmBox = h('div', {class: 'confirm', role: 'alertdialog', 'aria-label': 'Confirm deletion', hidden: true},
    h('p', {}, 'Delete this webhook? Its delivery history goes with it. This cannot be undone.'));
  const yes = h('button', {type: 'button', class: 'button button-danger'}, 'Yes, delete');
  const no = h('button', {type: 'button', class: 'button button-quiet'}, 'Cancel');
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  confirmBox.append(h('div', {class: 'form-actions'}, yes, no), error);
  ask.addEventListener('click', () => {
    confirmBox.hidden = false;
    ask.hidden = true;
    no.focus();
  });
  no.addEventListener('click', () => {
    confirmBox.hidden = true;
    ask.hidden = false;
    ask.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api('DELETE', `/api/v0/webhooks/${seg(w.id)}`);
      const key = w.key || '';
      const parts = key.split('/');
      window.location.hash = !key ? '#/webhooks'
        : parts.length === 2 ? link('repositories', parts[0], parts[1], 'webhooks') : link('organizations', key);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      yes.disabled = false;
    }
  });
  return h('div', {class: 'manage-row'}, ask, confirmBox);
}
