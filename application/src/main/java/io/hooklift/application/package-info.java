/**
 * Use cases (inbound ports) and the services that implement them, one feature package per
 * capability; outbound ports in {@code port}. {@code ApplicationAssembly} gives each service the
 * ports it uses and hands the use cases out as {@code Hooklift}.
 */
package io.hooklift.application;
