// Starts the console: asks the API who is logged in, then shows the login form or the page the
// address names. Pages are addressed by the URL fragment (#/repositories/…), so every page has a
// link that survives a reload and the server serves one file.
import {api, useCsrfToken, whenUnauthenticated} from './api.js';
import {replace} from './dom.js';
import {renderLayout} from './layout.js';
import {renderLogin} from './login-page.js';
import {route} from './routes.js';

const app = document.getElementById('app');
let user = null;

async function start() {
  whenUnauthenticated(() => {
    user = null;
    useCsrfToken(null);
    showLogin();
  });
  try {
    const {data} = await api('GET', '/api/v0/sessions/current');
    if (!data.csrfToken) {
      // Authenticated some other way (credentials the browser remembered): log in properly.
      showLogin();
      return;
    }
    loggedIn(data);
  } catch (e) {
    if (e.status !== 401) showLogin(e.message);
  }
}

function showLogin(message) {
  app.setAttribute('aria-busy', 'false');
  renderLogin(app, {message, onLoggedIn: loggedIn});
}

function loggedIn(session) {
  user = {name: session.name, isAdmin: session.isAdmin};
  useCsrfToken(session.csrfToken);
  show();
}

async function logOut() {
  try {
    await api('DELETE', '/api/v0/sessions/current');
  } finally {
    user = null;
    useCsrfToken(null);
    window.location.hash = '#/repositories';
    showLogin('You have logged out.');
  }
}

function show() {
  if (!user) return;
  const {page, params, section} = route(window.location.hash);
  const main = renderLayout(app, {user, section, onLogOut: logOut});
  app.setAttribute('aria-busy', 'true');
  Promise.resolve(page.render(main, params, {user}))
    .catch((e) => {
      if (e && e.status === 401) return;
      replace(main, errorPanel(e));
    })
    .finally(() => app.setAttribute('aria-busy', 'false'));
}

function errorPanel(e) {
  const p = document.createElement('p');
  p.className = 'error-panel';
  p.setAttribute('role', 'alert');
  p.textContent = e && e.message ? e.message : 'Something went wrong.';
  return p;
}

window.addEventListener('hashchange', show);
start();
