/**
 * The event feed: readers pull events in commit order by cursor, with long-polling, under the
 * visibility rules of the webhook lists.
 */
package io.hooklift.application.feed;
