/**
 * The one Jackson configuration of the API: strict on input (no scalar coercion, no duplicate keys,
 * no trailing tokens, bounded nesting and sizes), lenient only about unknown fields.
 */
package io.hooklift.adapter.rest.json;
