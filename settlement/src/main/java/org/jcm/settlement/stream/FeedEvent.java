package org.jcm.settlement.stream;

/**
 * One server-sent event of the public stream, serialised once for every subscriber.
 *
 * @param name the SSE event name: {@code hello}, {@code trade} or {@code bar}
 * @param id the SSE id: the trade's cursor, or the bar's seq of last change
 * @param json the data, a JSON document
 */
public record FeedEvent(String name, String id, String json) {
}
