// The frame around every page: the top bar with the user's name and Log out, the left navigation,
// and the main region the page fills.
import {h, replace} from './dom.js';

const SECTIONS = [
  ['repositories', 'Repositories', '#/repositories'],
  ['organizations', 'Organizations', '#/organizations'],
  ['webhooks', 'My webhooks', '#/webhooks'],
  ['api', 'API', '#/api'],
];

export function renderLayout(app, {user, section, onLogOut}) {
  const items = SECTIONS.concat(user.isAdmin ? [['accounts', 'Accounts', '#/accounts']] : []);
  const main = h('main', {id: 'main', class: 'content', tabindex: '-1'});
  replace(
    app,
    h('header', {class: 'topbar'},
      h('a', {class: 'brand', href: '#/repositories'}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}), 'Hooklift'),
      h('div', {class: 'topbar-user'},
        h('span', {class: 'user-name', title: user.isAdmin ? 'System admin' : 'User'},
          user.name, user.isAdmin ? h('span', {class: 'badge'}, 'admin') : null),
        h('button', {type: 'button', class: 'button button-quiet', onClick: onLogOut}, 'Log out'))),
    h('div', {class: 'shell'},
      h('nav', {class: 'sidenav', 'aria-label': 'Main'},
        h('ul', {},
          items.map(([id, label, href]) => h('li', {},
            h('a', {href, class: id === section ? 'active' : null, 'aria-current': id === section ? 'page' : null}, label))))),
      main));
  return main;
}

/** The page's heading, with optional actions on the right. */
export function pageHeader(title, ...actions) {
  return h('div', {class: 'page-header'}, h('h1', {}, title), h('div', {class: 'page-actions'}, actions));
}
