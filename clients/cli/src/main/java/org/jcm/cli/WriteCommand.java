package org.jcm.cli;

import java.util.ArrayList;
import java.util.List;
import org.jcm.client.JcmClient;
import org.jcm.client.registry.api.TransfersCancellationsAndRetirementsApi;
import org.jcm.client.registry.model.EventSummary;
import org.jcm.client.registry.model.MutationResponse;
import picocli.CommandLine.Option;

/**
 * A write that takes units from an account: the account, the quantity, optional serial ranges, and
 * the Idempotency-Key. The key is made once per command and kept across the client's retries; give
 * the key a failed command printed with {@code --idempotency-key} to repeat that very write.
 */
abstract class WriteCommand extends JcmCommand {

    @Option(names = "--from", required = true, description = "The account the units come from, e.g. MNG01-H00001.")
    String from;

    @Option(names = "--quantity", required = true, description = "How many units.")
    long quantity;

    @Option(names = "--serial", description = "A serial range to take the units from (repeatable); "
            + "without it the registry selects them.")
    List<String> serials = new ArrayList<>();

    @Option(names = "--idempotency-key", description = "The key of an earlier attempt of this very write, to "
            + "repeat it safely; a new one otherwise.")
    String idempotencyKey;

    /** The generated API of transfers, cancellations and retirements, on this command's client. */
    TransfersCancellationsAndRetirementsApi writes() {
        return new TransfersCancellationsAndRetirementsApi(client().registry());
    }

    /** The serial ranges given, or null (none sent: the registry selects the units). */
    List<String> ranges() {
        return serials.isEmpty() ? null : serials;
    }

    /** Makes the write with this command's key and prints what it did. */
    Integer write(JcmClient.KeyedCall<MutationResponse> call) {
        String key = idempotencyKey != null ? idempotencyKey : JcmClient.newIdempotencyKey();
        try {
            print(JcmClient.call(() -> call.call(key)));
            return Jcm.OK;
        } catch (RuntimeException e) {
            err().println("jcm: Idempotency-Key " + key + " (repeat with --idempotency-key " + key + ")");
            throw e;
        }
    }

    private void print(MutationResponse done) {
        List<String> events = new ArrayList<>();
        for (EventSummary event : done.getEvents()) {
            events.add(event.getType() + (event.getSeq() == null ? "" : " seq " + event.getSeq()));
        }
        out().println((done.getId() == null ? "done" : done.getId()) + ": " + String.join(", ", events));
        out().flush();
    }
}
