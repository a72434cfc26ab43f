// The event types as GET /api/v0/webhooks/types describes them: their names for people, and which
// keys (repository, namespace, global) each one fits. Loaded once per page view.
import {api} from './api.js';

let cached = null;

export async function loadTypes() {
  if (!cached) {
    cached = api('GET', '/api/v0/webhooks/types').then(({data}) => data).catch((e) => {
      cached = null;
      throw e;
    });
  }
  return cached;
}

/** "Tag pushed to repository (TAG_PUSH)", as the registry's own console names it. */
export function eventLabel(types, type) {
  const found = (types || []).find((t) => t.type === type);
  return found ? `${found.description} (${found.type})` : type;
}

/** The types a webhook keyed this way may take: 'repository', 'namespace' or 'global'. */
export function typesFor(types, keyKind) {
  return types.filter((t) => t.keys.includes(keyKind));
}
