package org.jcm.localstack;

/**
 * The demo world: two hosted registries, a Mongolian solar project that goes through the JCM project
 * cycle (its Project Idea Note returned once for revision) and whose credits are issued into both, sold to a Japanese company on an exchange (every trade registered by the exchange with
 * settlement before the seller delivers it, so that it settles delivery versus payment and prices
 * the feeds), partly retired, then partly authorized by Mongolia for NDC use, sold again and adjusted.
 */
final class DemoScenario {

    static final String JAPAN_REGISTRY = "JPN01";
    static final String JAPAN_REGISTRY_NAME = "Japan JCM Registry";
    static final String MONGOLIA_REGISTRY = "MNG01";
    static final String MONGOLIA_REGISTRY_NAME = "Mongolia JCM Registry";

    static final String MONGOLIAN_COMPANY = "Gobi Solar LLC";
    static final String JAPANESE_COMPANY = "Sakura Trading Co., Ltd.";

    static final String PROJECT = "MN001";
    static final String PROJECT_TITLE = "10 MW solar power plant in the Gobi region";
    static final String METHODOLOGY = "MN_AM003";
    /** The methodology's sectoral scope: 1, energy industries. */
    static final int SECTORAL_SCOPE = 1;
    static final String METHODOLOGY_TITLE = "Installation of solar PV system";
    static final String VALIDATOR = "TPE-0001";
    static final String VALIDATOR_NAME = "Steppe Validation LLC";
    static final String VERIFIER = "TPE-0002";
    static final String VERIFIER_NAME = "Pacific Verification Co., Ltd.";
    /** Why the government of Mongolia returns the first Project Idea Note for revision. */
    static final String PIN_RETURN_REASON = "State the source of the grid emission factor used for the estimate";
    static final String REGISTRATION_DECISION = "JC-MN-2025-01";
    static final String ISSUANCE_DECISION = "JC-MN-2025-07";
    static final String MONITORING_START = "2024-01-01";
    static final String MONITORING_END = "2024-12-31";
    static final int VINTAGE = 2024;
    static final String ISSUANCE = "MN001-2024-01";
    /** Japan's share of the same decision, issued by JPN01 into its own registry. */
    static final String ISSUANCE_JAPAN = "MN001-2024-01-JPN01";
    static final long ISSUED_TO_MONGOLIA = 8_000;
    static final long ISSUED_TO_JAPAN = 2_000;

    static final String AUTHORIZATION = "MNG-AUTH-2025-001";
    /** Used when GET /api/v1/parties does not say: the placeholder of registry-api's reference data. */
    static final String DEFAULT_COOPERATIVE_APPROACH = "CA0001";
    static final long AUTHORIZED = 5_000;

    static final String VENUE = "JCMX";
    static final String CURRENCY = "JPY";
    /** Units of the first trade, T-0001, taken from the low end of the Mongolian account's block. */
    static final long FIRST_TRADE = 500;
    /** The trade the launcher waits for (settled) before it prints the summary. */
    static final String EXCHANGE_TRADE = "T-0002";
    static final long EXCHANGE_TRADE_QUANTITY = 300;
    static final String EXCHANGE_TRADE_PRICE = "1010.00";
    static final String UNAUTHORIZED_INSTRUMENT = "JCM-MNG-2024-NONE";
    static final String AUTHORIZED_INSTRUMENT = "JCM-MNG-2024-AUTHORIZED";

    static final long RETIRED = 150;

    /** Sakura Trading's gross emissions in the fiscal year of its retirement (t-CO2e): scope 1. */
    static final long SCOPE_1 = 1_850;
    /** Scope 2 (market-based) as first recorded (version 1). */
    static final long SCOPE_2 = 3_420;
    /** Scope 2 as corrected (version 2): the net figure is read from this one. */
    static final long SCOPE_2_CORRECTED = 3_380;
    /** Scope 3, shown and never netted. */
    static final long SCOPE_3 = 12_600;
    static final String ASSURANCE_REFERENCE = "Limited assurance (ISO 14064-3), " + VERIFIER_NAME + ", demo report AR-0001";

    private DemoScenario() {
    }
}
