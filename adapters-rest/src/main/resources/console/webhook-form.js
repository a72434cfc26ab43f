// New Webhook: the event drop-down (only the types this key can take), the URL with Test, the
// advanced TLS settings, and Create. After Create, the signing secret is shown once.
import {api} from './api.js';
import {h, liveRegion, replace, uid} from './dom.js';
import {clearErrors, field, fieldWithAction, showErrors} from './field-errors.js';
import {secretPanel} from './secret-panel.js';
import {eventLabel, typesFor} from './webhook-types.js';

/** keyKind: 'repository' | 'namespace' | 'global'; key: the key to subscribe ('' for global). */
export function webhookForm({types, keyKind, key, cancelHref, onCreated}) {
  const eventSelect = h('select', {name: 'type'},
    typesFor(types, keyKind).map((t) => h('option', {value: t.type}, eventLabel(types, t.type))));
  const url = h('input', {name: 'endpoint', type: 'url', inputmode: 'url', placeholder: 'https://example.com/hooks/registry', autocomplete: 'off', spellcheck: 'false'});
  const testButton = h('button', {type: 'button', class: 'button'}, 'Test');
  const testResult = liveRegion('test-result');
  const tlsCert = h('textarea', {name: 'tlsCert', rows: '6', spellcheck: 'false', placeholder: '-----BEGIN CERTIFICATE-----'});
  const skipTlsId = uid('skip-tls');
  const skipTls = h('input', {id: skipTlsId, name: 'skipTLSVerification', type: 'checkbox'});
  const advancedId = uid('advanced');
  const advancedToggle = h('button', {type: 'button', class: 'disclosure', 'aria-expanded': 'false', 'aria-controls': advancedId}, 'Show advanced settings');
  const summary = h('div', {class: 'form-error', role: 'alert', tabindex: '-1', hidden: true});
  const create = h('button', {type: 'submit', class: 'button button-primary'}, 'Create');

  const fields = [
    field('type', 'Event', eventSelect, 'The event that triggers a notification.'),
    fieldWithAction('endpoint', 'Webhook URL', url, testButton, 'Hooklift sends a JSON payload to this URL. Test sends the event’s example payload now.'),
    field('tlsCert', 'TLS certificate', tlsCert, 'PEM certificate (or CA) to trust for this URL, when it is not publicly trusted.'),
  ];
  const skipField = {wrapper: null, control: skipTls, error: h('p', {class: 'field-error', hidden: true}), name: 'skipTLSVerification'};
  fields[1].wrapper.append(testResult);
  const advanced = h('div', {id: advancedId, class: 'advanced', hidden: true},
    fields[2].wrapper,
    h('div', {class: 'field checkbox'}, skipTls, h('label', {for: skipTlsId}, 'Skip TLS verification'),
      h('p', {class: 'hint'}, 'Only for testing: accepts any certificate, so anyone in between can read and change deliveries.')),
    skipField.error);
  const allFields = fields.concat([skipField, {control: eventSelect, error: h('p', {hidden: true}), name: 'key'}]);

  advancedToggle.addEventListener('click', () => {
    const open = advanced.hidden;
    advanced.hidden = !open;
    advancedToggle.setAttribute('aria-expanded', String(open));
    advancedToggle.textContent = open ? 'Hide advanced settings' : 'Show advanced settings';
  });

  function values() {
    const body = {type: eventSelect.value, endpoint: url.value.trim()};
    if (tlsCert.value.trim()) body.tlsCert = tlsCert.value;
    if (skipTls.checked) body.skipTLSVerification = true;
    return body;
  }

  testButton.addEventListener('click', async () => {
    clearErrors(allFields, summary);
    testButton.disabled = true;
    testResult.className = 'test-result';
    testResult.textContent = 'Sending the example payload…';
    try {
      const {data} = await api('POST', '/api/v0/webhooks/test', {body: values()});
      const ok = data.statusCode >= 200 && data.statusCode < 300;
      testResult.className = ok ? 'test-result ok' : 'test-result failed';
      testResult.textContent = data.statusCode
        ? `${ok ? 'Delivered' : 'Not accepted'}: the URL answered ${data.statusCode} in ${data.durationMs} ms${data.error ? ` (${data.error})` : ''}`
        : `Failed after ${data.durationMs} ms: ${data.error || 'no answer'}`;
    } catch (e) {
      testResult.textContent = '';
      showErrors(e, allFields, summary);
    } finally {
      testButton.disabled = false;
    }
  });

  const form = h('form', {class: 'form webhook-form', novalidate: true},
    summary,
    fields[0].wrapper,
    fields[1].wrapper,
    advancedToggle,
    advanced,
    h('div', {class: 'form-actions'}, create, h('a', {class: 'button button-quiet', href: cancelHref}, 'Cancel')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(allFields, summary);
    create.disabled = true;
    try {
      const body = values();
      if (key) body.key = key;
      const {data} = await api('POST', '/api/v0/webhooks', {body});
      const panel = secretPanel({title: 'Webhook created', secret: data.secret, webhookId: data.id});
      replace(form.parentElement, panel);
      panel.querySelector('h2').focus();
      if (onCreated) onCreated(data);
    } catch (e) {
      showErrors(e, allFields, summary);
    } finally {
      create.disabled = false;
    }
  });
  return form;
}
