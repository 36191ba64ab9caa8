package org.jcm.registry.api;

import java.util.List;

/** One page of a list: the items and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String next) {
}
