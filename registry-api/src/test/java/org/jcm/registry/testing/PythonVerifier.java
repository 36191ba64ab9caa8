package org.jcm.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docs/verify-ledger.py} with the machine's {@code python3}, as an auditor would: the
 * standard-library verifier, given arguments and environment. A test that needs it is skipped (an
 * assumption) where python3 is not installed.
 */
public final class PythonVerifier {

    /** The script, from the module's directory. */
    public static final Path SCRIPT = Path.of("..", "docs", "verify-ledger.py");

    private PythonVerifier() {
    }

    /** What the script printed (stdout and stderr) and its exit status. */
    public record Result(int exitCode, String output) {
    }

    /** Runs the script with these arguments and extra environment variables. */
    public static Result run(Map<String, String> environment, List<String> arguments) throws IOException, InterruptedException {
        assumeTrue(python3Available(), "python3 is not installed, so the standard-library verifier cannot run here");
        assertThat(SCRIPT).exists();
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean python3Available() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
