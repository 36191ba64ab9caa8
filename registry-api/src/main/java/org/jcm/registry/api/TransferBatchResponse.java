package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of every item of a transfer batch, in request order. */
@Schema(description = "Each item's outcome, in request order")
public record TransferBatchResponse(List<TransferBatchItemResult> items) {
}
