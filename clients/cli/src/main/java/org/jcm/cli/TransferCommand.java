package org.jcm.cli;

import org.jcm.client.registry.model.TransferRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcm transfer}: moves units to another account (or pends them under the transfer policy). */
@Command(name = "transfer", mixinStandardHelpOptions = true, description = "Transfer units to another account.")
final class TransferCommand extends WriteCommand {

    @Option(names = "--to", required = true, description = "The receiving account.")
    String to;

    @Option(names = "--memo", description = "A memo recorded with the transfer.")
    String memo;

    @Override
    public Integer call() {
        TransferRequest request = new TransferRequest().fromAccountId(from).toAccountId(to).quantity(quantity)
                .serialRanges(ranges()).memo(memo);
        return write(key -> writes().transfer(key, request));
    }
}
