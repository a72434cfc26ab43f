// A table that loads one page at a time from a paged endpoint (pageStart/pageSize and the
// X-Next-Page-Start header), with an optional filter box over the rows shown.
import {api} from './api.js';
import {h, liveRegion, replace, uid} from './dom.js';

/**
 * options: {path, query, pageSize, items(data) → array, columns: [[heading, cell(item) → node]],
 *           empty: text, filterLabel, filterText(item) → string, caption}
 */
export function pagedTable(options) {
  const pageSize = options.pageSize || 20;
  const starts = [''];
  let rows = [];
  const status = liveRegion('table-status');
  const body = h('tbody');
  const filterId = uid('filter');
  const filter = options.filterLabel
    ? h('input', {id: filterId, type: 'search', class: 'filter', placeholder: options.filterLabel, 'aria-label': options.filterLabel})
    : null;
  const previous = h('button', {type: 'button', class: 'button', disabled: true}, 'Previous page');
  const next = h('button', {type: 'button', class: 'button', disabled: true}, 'Next page');
  const table = h('table', {class: 'table'},
    options.caption ? h('caption', {class: 'visually-hidden'}, options.caption) : null,
    h('thead', {}, h('tr', {}, options.columns.map(([heading]) => h('th', {scope: 'col'}, heading)))),
    body);
  const root = h('div', {class: 'paged-table'},
    filter ? h('div', {class: 'table-tools'}, filter) : null,
    h('div', {class: 'table-wrap'}, table),
    status,
    h('div', {class: 'pager'}, previous, next));

  function draw() {
    const needle = filter ? filter.value.trim().toLowerCase() : '';
    const shown = needle ? rows.filter((item) => options.filterText(item).toLowerCase().includes(needle)) : rows;
    replace(body, shown.map((item) => h('tr', {}, options.columns.map(([, cell]) => h('td', {}, cell(item))))));
    if (!shown.length) {
      replace(body, h('tr', {}, h('td', {colspan: options.columns.length, class: 'empty'},
        rows.length ? 'Nothing on this page matches the filter.' : options.empty)));
    }
    status.textContent = rows.length ? `${shown.length} of ${rows.length} shown on page ${starts.length}` : '';
  }

  async function load() {
    const start = starts[starts.length - 1];
    const {data, nextPageStart} = await api('GET', options.path, {query: {...(options.query || {}), pageSize, pageStart: start}});
    rows = options.items(data);
    next.disabled = !nextPageStart;
    next.dataset.start = nextPageStart || '';
    previous.disabled = starts.length <= 1;
    draw();
  }

  next.addEventListener('click', () => {
    starts.push(next.dataset.start);
    load().catch(showError);
  });
  previous.addEventListener('click', () => {
    starts.pop();
    load().catch(showError);
  });
  if (filter) filter.addEventListener('input', draw);

  function showError(e) {
    status.textContent = e.message;
  }

  return {root, load, reload: () => load()};
}
