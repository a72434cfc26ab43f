/**
 * The registry's name grammar: namespaces, repositories, and the keys subscriptions are scoped by.
 */
package io.hooklift.domain.naming;
