/**
 * ArchUnit rules for what the Maven module graph cannot see: the REST adapter never touches
 * outbound ports, frameworks stay in their adapter, the core never reads the system clock, naming,
 * and cycles. {@code RulesCanFailTest} proves each rule against the broken fixture in {@code
 * io.hooklift.archfixture}.
 */
package io.hooklift.architecture;
