package org.jcm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcm.client.JcmClient;
import org.jcm.client.registry.api.LedgerApi;
import org.jcm.client.registry.api.TransparencyLogApi;
import org.jcm.ledger.canonical.ChainVerification;
import org.jcm.ledger.proof.NoteKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jcm verify}: downloads the ledger (auditor or operator token) and checks it as
 * docs/verify-ledger.py does, with ledger-core: the hash chain, the latest signed checkpoint (its
 * signature, completeness, root and, given witness keys, a cosignature) and, with {@code --since},
 * a checkpoint saved earlier and the consistency proof to the latest. Exit 0 when every check
 * passed, 1 when something is BROKEN.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Download the ledger and check the hash "
        + "chain, the latest signed checkpoint and (with --since) the consistency proof from a saved one.")
final class VerifyCommand extends JcmCommand {

    @Option(names = "--key", defaultValue = "${env:JCM_LOG_KEY}", description = "The log's verifier key "
            + "(env JCM_LOG_KEY); without it the registry's own (GET /api/v1/ledger/keys), which proves less.")
    String key;

    @Option(names = "--witness-key", description = "A witness's key (repeatable): a cosignature by one of them must verify.")
    List<String> witnessKeys = new ArrayList<>();

    @Option(names = "--since", description = "A checkpoint note saved earlier (by --save).")
    Path since;

    @Option(names = "--save", description = "After every check passed, save the latest checkpoint's note here.")
    Path save;

    @Option(names = "--limit", defaultValue = "1000", description = "Entries per page, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        CheckpointCheck checks = new CheckpointCheck(client(), out(), logKey(), witnesses());
        var latest = CheckpointCheck.latest(client());
        long head = JcmClient.call(() -> new LedgerApi(client().registry()).getLedgerHead()).getSeq();
        Progress progress = Progress.of(err(), "ledger", head);
        LedgerDownload.Result read = LedgerDownload.read(client(), limit, quiet ? progress.hidden() : progress);
        if (read.chain() instanceof ChainVerification.Broken broken) {
            return broken(broken.describe());
        }
        ChainVerification.Intact intact = (ChainVerification.Intact) read.chain();
        out().println("OK: chain intact through seq " + intact.lastSeq() + ", head hash " + intact.lastHash());
        try {
            checks.check(latest, read.tree(), since, save);
        } catch (CheckpointCheck.Broken e) {
            return broken(e.getMessage());
        }
        out().flush();
        return Jcm.OK;
    }

    private int broken(String message) {
        out().println("BROKEN: " + message);
        out().flush();
        return Jcm.BROKEN;
    }

    private NoteKeys.Verifier logKey() {
        String given = key;
        if (given == null || given.isBlank()) {
            given = JcmClient.call(() -> new TransparencyLogApi(client().registry()).getLogKeys()).getLogKey();
            err().println("jcm: the log key is the registry's own (" + given + "); pin it with --key");
        }
        return verifier(given);
    }

    private List<NoteKeys.Verifier> witnesses() {
        return witnessKeys.stream().map(this::verifier).toList();
    }

    private NoteKeys.Verifier verifier(String text) {
        try {
            return NoteKeys.verifier(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a verifier key: " + e.getMessage());
        }
    }
}
