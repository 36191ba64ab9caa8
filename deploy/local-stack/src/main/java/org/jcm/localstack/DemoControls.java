package org.jcm.localstack;

import java.io.IOException;
import java.util.Map;

/**
 * The demo's transfer controls (docs/four-eyes.md): each company's transfer policy, and one
 * transfer to an account that is not trusted, which waits 26 hours before it executes.
 *
 * <p>The Mongolian seller needs no approval and no delay, so that its deliveries of the exchange's
 * trades execute at once and settle delivery versus payment. The Japanese buyer keeps the EU
 * Union Registry's 26-hour delay for untrusted destinations, without a second approval, so that its
 * transfer back to the seller is shown pending, with the instant it executes.
 */
final class DemoControls {

    /** The delay of the Japanese company's transfers to untrusted accounts (the EU default). */
    static final String UNTRUSTED_DELAY = "PT26H";
    /** Units the Japanese company sends back to the Mongolian account, held for {@link #UNTRUSTED_DELAY}. */
    static final long DELAYED_TRANSFER = 100;

    private final DemoRequests requests;
    private final Progress progress;

    DemoControls(DemoRequests requests, Progress progress) {
        this.requests = requests;
        this.progress = progress;
    }

    /** Each company's policy, set by the administrator of its registry. */
    void transferPolicies(DemoIds ids) throws SeedingException, IOException, InterruptedException {
        requests.put("transfer policy of " + DemoScenario.MONGOLIAN_COMPANY, "05a-transfer-policy-gobi-solar",
                "/api/v1/organizations/" + ids.mongolianCompany() + "/transfer-policy", "JCM_TOKEN_ADMIN_MNG01",
                policy(false, "PT0S"));
        requests.put("transfer policy of " + DemoScenario.JAPANESE_COMPANY, "06a-transfer-policy-sakura-trading",
                "/api/v1/organizations/" + ids.japaneseCompany() + "/transfer-policy", "JCM_TOKEN_ADMIN_JPN01",
                policy(false, UNTRUSTED_DELAY));
        progress.step("  transfer policies: " + ids.mongolianCompany() + " no approval, no delay; "
                + ids.japaneseCompany() + " no approval, " + UNTRUSTED_DELAY + " delay to untrusted accounts");
    }

    /** The Japanese company's policy as the Mongolian company's: no approval, no delay (for load in both directions). */
    void openJapaneseTransfers(DemoIds ids) throws SeedingException, IOException, InterruptedException {
        requests.put("open transfer policy of " + DemoScenario.JAPANESE_COMPANY, "19-transfer-policy-sakura-trading-open",
                "/api/v1/organizations/" + ids.japaneseCompany() + "/transfer-policy", "JCM_TOKEN_ADMIN_JPN01",
                policy(false, "PT0S"));
        progress.step("  transfer policy: " + ids.japaneseCompany() + " no approval, no delay");
    }

    /**
     * The Japanese company sends units back to the Mongolian account, which is not on its trusted
     * list: the transfer is pending, its units reserved, and the writer executes it 26 hours later.
     */
    void delayedTransfer(DemoIds ids) throws SeedingException, IOException, InterruptedException {
        Object answer = requests.post("delayed transfer", "18-delayed-transfer", "/api/v1/transfers",
                "JCM_TOKEN_SAKURA_TRADING", DemoSeeder.body("fromAccountId", ids.japaneseAccount(),
                        "toAccountId", ids.mongolianAccount(), "quantity", DELAYED_TRANSFER,
                        "filter", DemoSeeder.body("label", "NONE"),
                        "memo", "Return to " + DemoScenario.MONGOLIAN_COMPANY + ": an untrusted account, executes after "
                                + UNTRUSTED_DELAY));
        if (!(answer instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || !id.startsWith("PT")) {
            throw new SeedingException("The delayed transfer's answer names no pending transfer (PT…): " + answer);
        }
        Object pending = requests.get("pending transfer " + id, "/api/v1/pending-transfers/" + id,
                "JCM_TOKEN_SAKURA_TRADING");
        progress.step("  pending transfer " + id + " of " + DELAYED_TRANSFER + " t " + ids.japaneseAccount() + " -> "
                + ids.mongolianAccount() + " (untrusted): executes at "
                + JsonTrees.find(pending, "executeAt").orElseThrow(() -> new SeedingException(
                        "The pending transfer " + id + " has no executeAt: " + pending)));
    }

    private static Map<String, Object> policy(boolean untrustedNeedsApproval, String untrustedDelay) {
        return DemoSeeder.body("approvalThreshold", null, "untrustedNeedsApproval", untrustedNeedsApproval,
                "untrustedDelay", untrustedDelay);
    }
}
