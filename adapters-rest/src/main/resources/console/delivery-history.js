// A webhook's delivery history: newest first, filtered by status, each delivery expandable to its
// attempts, Redeliver per delivery, and recovery of failed deliveries since a time.
import {api, seg} from './api.js';
import {h, liveRegion, replace, time, uid} from './dom.js';

const PAGE_SIZE = 20;

export function deliveryHistory(webhookId) {
  const base = `/api/v0/webhooks/${seg(webhookId)}`;
  const status = liveRegion('history-status');
  const filterId = uid('status-filter');
  const filter = h('select', {id: filterId},
    h('option', {value: ''}, 'All'), h('option', {value: 'pending'}, 'Pending'),
    h('option', {value: 'delivered'}, 'Delivered'), h('option', {value: 'failed'}, 'Failed'));
  const refresh = h('button', {type: 'button', class: 'button'}, 'Refresh');
  const list = h('ol', {class: 'deliveries', 'aria-label': 'Deliveries, newest first'});
  const more = h('button', {type: 'button', class: 'button', hidden: true}, 'Older deliveries');
  let nextStart = null;

  async function load(append = false) {
    const {data, nextPageStart} = await api('GET', `${base}/deliveries`,
      {query: {status: filter.value, pageSize: PAGE_SIZE, pageStart: append ? nextStart : ''}});
    nextStart = nextPageStart;
    more.hidden = !nextPageStart;
    const items = data.map(deliveryItem);
    if (append) list.append(...items);
    else replace(list, items.length ? items : h('li', {class: 'empty'}, filter.value
      ? `No ${filter.value} deliveries.` : 'No deliveries yet. They appear here when a subscribed event happens.'));
  }

  function deliveryItem(d) {
    const attemptsId = uid('attempts');
    const expand = h('button', {type: 'button', class: 'disclosure', 'aria-expanded': 'false', 'aria-controls': attemptsId},
      `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`);
    const attempts = h('div', {id: attemptsId, class: 'attempts', hidden: true});
    const redeliver = h('button', {type: 'button', class: 'button button-small'}, 'Redeliver');
    expand.addEventListener('click', async () => {
      const open = attempts.hidden;
      expand.setAttribute('aria-expanded', String(open));
      attempts.hidden = !open;
      if (open) {
        replace(attempts, h('p', {class: 'muted'}, 'Loading attempts…'));
        try {
          const {data} = await api('GET', `${base}/deliveries/${seg(d.id)}`);
          replace(attempts, attemptTable(data.attemptLog));
        } catch (e) {
          replace(attempts, h('p', {class: 'form-error'}, e.message));
        }
      }
    });
    redeliver.addEventListener('click', async () => {
      redeliver.disabled = true;
      try {
        await api('POST', `${base}/deliveries/${seg(d.id)}/redeliver`);
        status.textContent = `Delivery ${d.messageID} is queued again with the same webhook-id.`;
        await load();
      } catch (e) {
        status.textContent = e.message;
        redeliver.disabled = false;
      }
    });
    return h('li', {class: 'delivery', 'data-delivery': d.id},
      h('div', {class: 'delivery-summary'},
        h('span', {class: `pill pill-${d.status}`}, d.status),
        h('span', {class: 'delivery-code'}, d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—'),
        h('code', {class: 'delivery-id', title: 'webhook-id header'}, d.messageID),
        time(d.createdAt),
        expand,
        redeliver),
      d.nextAttemptAt && d.status === 'pending' ? h('p', {class: 'hint'}, 'Next attempt: ', time(d.nextAttemptAt)) : null,
      attempts);
  }

  const sinceId = uid('since');
  const since = h('input', {id: sinceId, type: 'datetime-local', step: '1'});
  const recover = h('button', {type: 'button', class: 'button'}, 'Recover failed deliveries');
  recover.addEventListener('click', async () => {
    if (!since.value) {
      status.textContent = 'Choose the time from which to recover failed deliveries.';
      since.focus();
      return;
    }
    recover.disabled = true;
    try {
      const {data} = await api('POST', `${base}/recover`, {body: {since: new Date(since.value).toISOString()}});
      status.textContent = `${data.requeued} failed deliver${data.requeued === 1 ? 'y is' : 'ies are'} queued again.`;
      await load();
    } catch (e) {
      status.textContent = e.message;
    } finally {
      recover.disabled = false;
    }
  });

  filter.addEventListener('change', () => load().catch((e) => { status.textContent = e.message; }));
  refresh.addEventListener('click', () => load().catch((e) => { status.textContent = e.message; }));
  more.addEventListener('click', () => load(true).catch((e) => { status.textContent = e.message; }));

  const root = h('section', {class: 'card history', 'aria-labelledby': 'history-title'},
    h('div', {class: 'section-header'},
      h('h2', {id: 'history-title'}, 'Recent deliveries'),
      h('div', {class: 'toolbar'}, h('label', {for: filterId}, 'Status'), filter, refresh)),
    status,
    list,
    more,
    h('div', {class: 'recover'},
      h('label', {for: sinceId}, 'Recover failed deliveries since'), since, recover));
  return {root, load: () => load()};
}

function attemptTable(attempts) {
  if (!attempts.length) return h('p', {class: 'muted'}, 'Not attempted yet.');
  return h('div', {class: 'table-wrap'}, h('table', {class: 'table attempts-table'},
    h('thead', {}, h('tr', {}, ['#', 'Time', 'Status', 'Duration', 'Error', 'Resolved IP', 'Response'].map((t) => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, attempts.map((a) => h('tr', {},
      h('td', {}, String(a.number)),
      h('td', {}, time(a.startedAt)),
      h('td', {}, a.statusCode ? String(a.statusCode) : '—'),
      h('td', {}, `${Math.round(a.durationMs)} ms`),
      h('td', {}, a.error || '—'),
      h('td', {}, a.resolvedIP ? h('code', {}, a.resolvedIP) : '—'),
      h('td', {}, a.response ? h('pre', {class: 'excerpt'}, a.response) : h('span', {class: 'muted'}, 'empty')))))));
}
