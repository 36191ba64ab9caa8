package org.jcm.settlement.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from reaching into the service's own network (server-side request forgery): a URL
 * must be {@code https}, and every address its host resolves to must be public. Loopback addresses
 * (and {@code http} to them) only with {@code jcm.webhooks.allow-loopback}, private ones only with
 * {@code jcm.webhooks.allow-private-addresses}; link-local (169.254/16, where cloud metadata lives;
 * fe80::/10), unspecified and multicast addresses never. Checked at registration and again before
 * every attempt, so a name that later resolves to a refused address is not sent to.
 */
public final class UrlGuard {

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2000;

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public UrlGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL is refused, or empty if it may be sent to. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return Optional.of("a URL of 1 to " + MAX_LENGTH + " characters is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            return Optional.of("an absolute https URL with a host is required");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("a URL with user information or a fragment is not accepted");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback)) {
            return Optional.of("only https URLs are accepted");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("the host " + host + " resolves to " + address.getHostAddress() + ", "
                        + refused.get());
            }
        }
        if (scheme.equals("http") && !allLoopback(addresses)) {
            return Optional.of("only https URLs are accepted (http only to a loopback host)");
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("an unspecified or multicast address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (isPrivate(address) && !allowPrivate) {
            return Optional.of("a private address");
        }
        return Optional.empty();
    }

    private static boolean allLoopback(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    /** RFC 1918, shared address space (100.64/10) and IPv6 unique local addresses (fc00::/7). */
    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc || address.isSiteLocalAddress();
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return address.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128);
    }
}
