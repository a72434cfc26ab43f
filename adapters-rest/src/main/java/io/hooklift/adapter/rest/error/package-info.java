/**
 * Every failure becomes MSR's error shape {@code {"errors":[{code, message, detail}]}} with the
 * right status: domain exceptions by kind, JSON and Jersey errors by type, the rest a logged 500.
 */
package io.hooklift.adapter.rest.error;
