/**
 * A miniature Hooklift that breaks every architecture rule on purpose, one {@code leak} class per
 * violation, next to compliant classes that keep each rule's selection non-empty. Test code only:
 * {@code RulesCanFailTest} imports this package alone; the real rules never see it.
 */
package io.hooklift.archfixture;
