package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A list page: the items and the cursor of the next page (null on the last page). */
@Schema(description = "A page of items; next is the cursor of the following page, null on the last one")
public record ListResponse<T>(List<T> items, String next) {
}
