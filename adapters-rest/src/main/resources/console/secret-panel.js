// Shows a signing secret once, with a copy button and how receivers check signatures.
import {h, liveRegion} from './dom.js';
import {link} from './routes.js';

export function secretPanel({title, secret, webhookId, note}) {
  const copied = liveRegion('copy-status');
  const value = h('code', {class: 'secret-value', 'data-secret': ''}, secret);
  const copy = h('button', {type: 'button', class: 'button'}, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = 'Copied to the clipboard.';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(value);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
  return h('section', {class: 'secret-panel', 'aria-labelledby': 'secret-title'},
    h('h2', {id: 'secret-title', tabindex: '-1'}, title),
    note ? h('p', {}, note) : null,
    h('p', {}, 'This is the webhook’s signing secret. Copy it now: it is not shown again.'),
    h('div', {class: 'secret-row'}, value, copy),
    copied,
    h('details', {class: 'how-to-verify'},
      h('summary', {}, 'How receivers verify a delivery'),
      h('p', {}, 'Every delivery carries the headers webhook-id, webhook-timestamp and webhook-signature (the Standard Webhooks scheme). '
        + 'Compute HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the key that follows "whsec_" (base64-decoded), '
        + 'encode it in base64, and compare it with one of the "v1," values of webhook-signature. Reject timestamps more than five minutes old.')),
    h('p', {}, h('a', {class: 'button button-primary', href: link('webhooks', webhookId)}, 'Go to the webhook')));
}
