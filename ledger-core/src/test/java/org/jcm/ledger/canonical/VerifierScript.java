package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs docs/verify-ledger.py with python3, for the tests that check the published verifier. */
final class VerifierScript {

    static final Path WORK_DIR = Path.of("target", "verifier-script");

    private static final boolean PYTHON_AVAILABLE = commandWorks("python3", "--version");

    private VerifierScript() {
    }

    /** Whether python3 runs here; tests assume it per test, so surefire lists each as skipped without it. */
    static boolean pythonAvailable() {
        return PYTHON_AVAILABLE;
    }

    /** Runs the script with the given arguments and returns its exit code and its output (stdout and stderr). */
    static Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", findScript().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Writes text to a new UTF-8 file under target/verifier-script and returns its path as text. */
    static String file(String prefix, String suffix, String text) throws IOException {
        Files.createDirectories(WORK_DIR);
        Path file = Files.createTempFile(WORK_DIR, prefix, suffix);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    /** A page as GET /api/v1/ledger/events would return it, with events as written, not canonical. */
    static Map<String, Object> page(List<ChainEntry> chain, List<Map<String, Object>> events) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("seq", chain.get(i).seq());
            item.put("prevHash", HashChain.toHex(chain.get(i).prevHash()));
            item.put("hash", HashChain.toHex(chain.get(i).hash()));
            item.put("event", events.get(i));
            items.add(item);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", null);
        return page;
    }

    /** Finds the script from the module or the repository root, whichever Maven ran in. */
    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("verify-ledger.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/verify-ledger.py not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The script's exit code and output. */
    record Result(int exitCode, String output) {
    }
}
