package org.jcm.cli;

import org.jcm.client.registry.model.CancellationReason;
import org.jcm.client.registry.model.CancellationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcm cancel}: cancels units (voluntary cancellation, OMGE). */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel units.")
final class CancelCommand extends WriteCommand {

    @Option(names = "--reason", defaultValue = "VOLUNTARY",
            description = "VOLUNTARY, OMGE or CORRECTION (default ${DEFAULT-VALUE}).")
    CancellationReason reason;

    @Option(names = "--note", description = "A note recorded with the cancellation.")
    String note;

    @Override
    public Integer call() {
        CancellationRequest request = new CancellationRequest().fromAccountId(from).quantity(quantity)
                .serialRanges(ranges()).reason(reason).note(note);
        return write(key -> writes().cancelUnits(key, request));
    }
}
