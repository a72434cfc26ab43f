// API: swagger-ui (served from its WebJar by Hooklift) on the OpenAPI document generated from the
// API's resources. "Try it out" runs as the logged-in user: the browser sends the session cookie,
// and the request interceptor adds the CSRF token to changes.
import {currentCsrfToken} from './api.js';
import {h, replace} from './dom.js';
import {pageHeader} from './layout.js';

const BUNDLE = '/webjars/swagger-ui/swagger-ui-bundle.js';
const STYLES = '/webjars/swagger-ui/swagger-ui.css';
let loading = null;

function loadSwaggerUi() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      document.head.append(h('link', {rel: 'stylesheet', href: STYLES}));
      const script = h('script', {src: BUNDLE});
      script.addEventListener('load', () => resolve(window.SwaggerUIBundle));
      script.addEventListener('error', () => {
        loading = null;
        reject(new Error('The API explorer could not be loaded.'));
      });
      document.head.append(script);
    });
  }
  return loading;
}

export async function render(main) {
  const host = h('div', {class: 'explorer'});
  replace(main,
    pageHeader('API', h('a', {class: 'button', href: '/api/v0/openapi.json', download: 'hooklift-openapi.json'}, 'OpenAPI document')),
    h('p', {class: 'lead'}, 'Every endpoint of the Hooklift API. Choose one, then Try it out and Execute: requests run as you, with your session.'),
    host);
  const SwaggerUIBundle = await loadSwaggerUi();
  SwaggerUIBundle({
    domNode: host,
    url: '/api/v0/openapi.json',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: false,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
    requestInterceptor: (request) => {
      const token = currentCsrfToken();
      const method = (request.method || 'GET').toUpperCase();
      if (token && method !== 'GET' && method !== 'HEAD') request.headers['X-CSRF-Token'] = token;
      request.credentials = 'same-origin';
      return request;
    },
  });
}
