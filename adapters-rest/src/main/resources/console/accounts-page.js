// Accounts (system admins): create users and organizations, look one up, delete it.
import {api, seg} from './api.js';
import {h, liveRegion, replace, time, uid} from './dom.js';
import {clearErrors, field, showErrors} from './field-errors.js';
import {pageHeader} from './layout.js';

export async function render(main) {
  const status = liveRegion('page-status');
  replace(main,
    pageHeader('Accounts'),
    status,
    h('div', {class: 'webhook-grid'}, createForm(status), lookUp(status)));
  main.focus();
}

function createForm(status) {
  const name = h('input', {name: 'name', autocomplete: 'off', spellcheck: 'false'});
  const type = h('select', {name: 'type'}, h('option', {value: 'user'}, 'User'), h('option', {value: 'organization'}, 'Organization'));
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'new-password'});
  const adminId = uid('is-admin');
  const admin = h('input', {id: adminId, type: 'checkbox'});
  const fields = [field('name', 'Name', name), field('type', 'Kind', type), field('password', 'Password (users only)', password)];
  const summary = h('div', {class: 'form-error', role: 'alert', tabindex: '-1', hidden: true});
  const form = h('form', {class: 'form card', novalidate: true},
    h('h2', {}, 'New account'), summary, ...fields.map((f) => f.wrapper),
    h('div', {class: 'field checkbox'}, admin, h('label', {for: adminId}, 'System admin')),
    h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'button button-primary'}, 'Create account')));
  type.addEventListener('change', () => {
    password.disabled = type.value !== 'user';
    admin.disabled = type.value !== 'user';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, summary);
    const body = {name: name.value.trim(), type: type.value};
    if (type.value === 'user') {
      body.password = password.value;
      body.isAdmin = admin.checked;
    }
    try {
      const {data} = await api('POST', '/api/v0/accounts', {body});
      status.textContent = `Created ${data.type} ${data.name}.`;
      form.reset();
    } catch (e) {
      showErrors(e, fields, summary);
    }
  });
  return form;
}

function lookUp(status) {
  const nameId = uid('lookup');
  const name = h('input', {id: nameId, autocomplete: 'off', spellcheck: 'false'});
  const result = h('div');
  const form = h('form', {class: 'form card'},
    h('h2', {}, 'Find an account'),
    h('div', {class: 'field'}, h('label', {for: nameId}, 'Name'), h('div', {class: 'input-row'}, name, h('button', {type: 'submit', class: 'button'}, 'Find'))),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const {data} = await api('GET', `/api/v0/accounts/${seg(name.value.trim())}`);
      const del = h('button', {type: 'button', class: 'button button-danger'}, `Delete ${data.name}`);
      del.addEventListener('click', async () => {
        if (!del.dataset.confirm) {
          del.dataset.confirm = 'yes';
          del.textContent = `Really delete ${data.name} and everything it owns?`;
          return;
        }
        try {
          await api('DELETE', `/api/v0/accounts/${seg(data.name)}`);
          status.textContent = `Deleted ${data.name}.`;
          replace(result);
        } catch (e) {
          status.textContent = e.message;
        }
      });
      replace(result, h('dl', {class: 'details'},
        h('dt', {}, 'Name'), h('dd', {}, data.name),
        h('dt', {}, 'Kind'), h('dd', {}, data.isOrg ? 'organization' : data.isAdmin ? 'user (system admin)' : 'user'),
        h('dt', {}, 'Created'), h('dd', {}, time(data.createdAt))), del);
    } catch (e) {
      replace(result, h('p', {class: 'form-error', role: 'alert'}, e.message));
    }
  });
  return form;
}
