/** Use cases (inbound ports) and the services that implement them, enforcing the admin rules. */
package io.hooklift.application;
