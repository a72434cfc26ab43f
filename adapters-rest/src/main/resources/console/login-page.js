// The login form. Credentials go to POST /api/v0/sessions, which checks them exactly as HTTP Basic
// authentication does and sets the session cookie.
import {api} from './api.js';
import {h, replace, uid} from './dom.js';

export function renderLogin(app, {message, onLoggedIn}) {
  const userId = uid('username');
  const passwordId = uid('password');
  const errorBox = h('div', {class: 'form-error', role: 'alert', hidden: true});
  const username = h('input', {id: userId, name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false'});
  const password = h('input', {id: passwordId, name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const submit = h('button', {type: 'submit', class: 'button button-primary button-wide'}, 'Log in');
  const form = h('form', {class: 'login-form', novalidate: true},
    h('div', {class: 'field'}, h('label', {for: userId}, 'Username'), username),
    h('div', {class: 'field'},
      h('label', {for: passwordId}, 'Password or access token'), password),
    errorBox,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorBox.hidden = true;
    if (!username.value || !password.value) {
      showError('Enter your username and your password or access token.');
      return;
    }
    submit.disabled = true;
    try {
      const {data} = await api('POST', '/api/v0/sessions', {body: {username: username.value, password: password.value}});
      password.value = '';
      onLoggedIn(data);
    } catch (e) {
      password.value = '';
      showError(e.status === 401 ? 'Wrong username or password.' : e.message);
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
  }

  replace(app,
    h('main', {id: 'main', class: 'login'},
      h('div', {class: 'login-card'},
        h('div', {class: 'login-brand'}, h('span', {class: 'brand-mark', 'aria-hidden': 'true'}), 'Hooklift'),
        h('h1', {}, 'Log in'),
        message ? h('p', {class: 'notice', role: 'status'}, message) : null,
        form)));
  username.focus();
}
