package org.jcm.registry.problem;

/**
 * Puts text that a client sent into a problem's detail safely: quoted and cut short, so that a
 * huge or odd parameter cannot blow up the answer or the logs.
 */
public final class ClientText {

    private static final int MAX = 80;

    private ClientText() {
    }

    /** The text in single quotes, at most {@value #MAX} characters of it. */
    public static String quote(String text) {
        return "'" + (text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...") + "'";
    }
}
