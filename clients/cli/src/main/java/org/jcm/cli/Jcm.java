package org.jcm.cli;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.jcm.client.JcmClient;
import org.jcm.client.JcmProblem;
import org.jcm.client.RetryPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code jcm} command (docs/client.md): registry-api through jcm-client. Settings come from the
 * flags, else from the environment ({@code JCM_URL}, {@code JCM_TOKEN}).
 */
@Command(name = "jcm", mixinStandardHelpOptions = true, version = "jcm 0.1.0",
        description = "The JCM registry from the command line.",
        subcommands = {HoldingsCommand.class, TransferCommand.class, RetireCommand.class, CancelCommand.class,
            PendingCommand.class, ReportCommand.class, VerifyCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; verify: every check passed", "1:verify: the ledger is BROKEN",
            "2:bad usage (an unknown command or option, a missing value)",
            "3:the registry refused the request (a 4xx problem: its code and detail are printed)",
            "4:the registry could not answer (a 5xx problem after the retries, or no connection)"})
public final class Jcm {

    /** Every check passed, or the command did what it was asked. */
    public static final int OK = 0;
    /** verify found the ledger broken. */
    public static final int BROKEN = 1;
    /** Bad usage (picocli's own code for it). */
    public static final int USAGE = 2;
    /** The registry refused the request: a 4xx problem. */
    public static final int REFUSED = 3;
    /** The registry could not answer: a 5xx problem after the retries, or no connection. */
    public static final int UNAVAILABLE = 4;

    @Option(names = "--url", defaultValue = "${env:JCM_URL:-http://localhost:8080}",
            description = "The registry's base URL (env JCM_URL; default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", defaultValue = "${env:JCM_TOKEN}",
            description = "The bearer token (env JCM_TOKEN).")
    String token;

    @Option(names = "--attempts", defaultValue = "4",
            description = "Attempts per request on 429 and 503, honouring Retry-After (default ${DEFAULT-VALUE}).")
    int attempts;

    private JcmClient client;

    /** The client for these settings. */
    JcmClient client() {
        if (client == null) {
            client = JcmClient.builder(url).token(() -> token).retries(RetryPolicy.DEFAULT.withMaxAttempts(attempts))
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }

    /** The command line, with the exit codes of problems and connection failures. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Jcm());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd));
        return line;
    }

    private static int failure(Exception e, CommandLine cmd) {
        if (e instanceof JcmProblem problem) {
            cmd.getErr().println("jcm: " + problem.getMessage());
            problem.errors().forEach(error -> cmd.getErr().println("  " + error.field() + ": " + error.detail()));
            cmd.getErr().flush();
            return problem.status() >= 500 ? UNAVAILABLE : REFUSED;
        }
        if (e instanceof UncheckedIOException io) {
            cmd.getErr().println("jcm: cannot reach the registry: " + io.getCause());
            cmd.getErr().flush();
            return UNAVAILABLE;
        }
        if (e instanceof CommandLine.ParameterException bad) {
            cmd.getErr().println("jcm: " + bad.getMessage());
            return USAGE;
        }
        throw new IllegalStateException(e);
    }

    /** Runs {@code jcm} with {@code args} and exits with its code. */
    public static void main(String... args) {
        System.exit(commandLine().execute(args));
    }
}
