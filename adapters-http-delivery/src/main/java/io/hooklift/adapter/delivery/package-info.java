/**
 * Outbound HTTP: sends webhook attempts with Apache HttpClient 5 under per-webhook TLS, checks
 * every resolved address against the egress policy at connect time, signs bodies (Standard
 * Webhooks).
 */
package io.hooklift.adapter.delivery;
