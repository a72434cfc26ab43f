/** MSR list paging: {@code pageStart} and {@code pageSize} in, {@code X-Next-Page-Start} out. */
package io.hooklift.adapter.rest.paging;
