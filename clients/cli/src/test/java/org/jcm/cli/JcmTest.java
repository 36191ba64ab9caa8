package org.jcm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Tests the exit codes that need no registry, and the progress bar's line. */
class JcmTest {

    private static int run(StringWriter err, String... args) {
        CommandLine line = Jcm.commandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void an_unknown_option_or_a_missing_value_is_exit_code_2() {
        assertThat(run(new StringWriter(), "holdings", "--bogus", "A")).isEqualTo(Jcm.USAGE);
        assertThat(run(new StringWriter(), "transfer", "--from", "A", "--quantity", "1")).isEqualTo(Jcm.USAGE);
    }

    @Test
    void a_registry_that_cannot_be_reached_is_exit_code_4() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringWriter err = new StringWriter();
        assertThat(run(err, "--url", "http://127.0.0.1:" + port, "--attempts", "1", "holdings", "A")).isEqualTo(Jcm.UNAVAILABLE);
        assertThat(err.toString()).startsWith("jcm: cannot reach the registry");
    }

    @Test
    void the_progress_line_shows_the_share_done() {
        Progress progress = Progress.of(new PrintWriter(new StringWriter()), "ledger", 200);
        progress.step(50);
        assertThat(progress.line()).isEqualTo("ledger [#######                       ] 25% 50/200");
        Progress counting = Progress.of(new PrintWriter(new StringWriter()), "pages", 0);
        counting.step(3);
        assertThat(counting.line()).isEqualTo("pages 3");
    }
}
