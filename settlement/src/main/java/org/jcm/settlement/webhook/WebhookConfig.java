package org.jcm.settlement.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook settings, under the prefix {@code jcm.webhooks} (docs/operations.md, docs/webhooks.md). */
@ConfigMapping(prefix = "jcm.webhooks")
public interface WebhookConfig {

    /** Whether the delivery worker sends deliveries; off, deliveries are still written and wait. */
    @WithDefault("true")
    boolean deliveryEnabled();

    /**
     * Whether {@code http://} URLs of a loopback host ({@code localhost}, 127.0.0.0/8, ::1) are
     * accepted, and loopback addresses at all. For development and tests only.
     */
    @WithDefault("false")
    boolean allowLoopback();

    /** Whether URLs whose host resolves to a private address (10/8, 172.16/12, 192.168/16, fc00::/7) are accepted. */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** The wait before the second attempt; each later wait doubles, up to {@link #retryCap()}. */
    @WithDefault("PT1S")
    Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration retryCap();

    /** Attempts of one delivery before it is {@code FAILED}. */
    @WithDefault("12")
    int maxAttempts();

    /** How long one attempt may take, connection included. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How often the worker looks for due deliveries. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** The most endpoints sent to at once (one delivery each, so order per endpoint holds). */
    @WithDefault("8")
    int parallelEndpoints();

    /** How long the previous secret keeps signing beside the new one after a rotation. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /** The most live endpoints one organization or venue may register. */
    @WithDefault("10")
    int maxEndpointsPerOwner();
}
