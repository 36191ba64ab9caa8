package org.jcm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jcm.client.JcmClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand has: the settings of {@code jcm} and the command line's output streams. */
abstract class JcmCommand implements Callable<Integer> {

    @ParentCommand
    Jcm jcm;

    @Spec
    CommandSpec spec;

    JcmClient client() {
        return jcm.client();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The query string of {@code name=value} pairs, values URL-encoded, empty values left out. */
    static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.append(query.length() == 0 ? '?' : '&').append(pairs[i]).append('=')
                        .append(java.net.URLEncoder.encode(pairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    /** {@code value} as a path segment. */
    static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
