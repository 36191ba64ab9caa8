package org.jcm.localstack;

import java.util.List;
import java.util.Map;

/**
 * One demo actor: who it is, the role and scope claim of its token, and the shell variable that
 * holds its token in {@code tokens.env}.
 *
 * @param variable the variable name in the tokens file, e.g. {@code JCM_TOKEN_GOV_MNG}
 * @param description who this is, for people
 * @param subject the token's {@code sub} and {@code upn}
 * @param role the one member of the token's {@code groups}
 * @param claims the scope claim ({@code registry}, {@code org}, {@code party}, {@code venue}), if any,
 *               and {@code approver: true} for an actor who may approve another's proposal
 */
record DemoActor(String variable, String description, String subject, String role, Map<String, ?> claims) {

    /** The demo's actors: API.md's roles, each scoped to the demo's registries, Parties, companies and venue. */
    static List<DemoActor> all(DemoIds ids) {
        return List.of(
                new DemoActor("JCM_TOKEN_OPERATOR", "operator: runs the system, hosts the registries",
                        "operator", "operator", Map.of()),
                new DemoActor("JCM_TOKEN_ADMIN_JPN01", "registry administrator of JPN01 (Japan)",
                        "admin@JPN01", "registry-admin", Map.of("registry", DemoScenario.JAPAN_REGISTRY)),
                new DemoActor("JCM_TOKEN_ADMIN_MNG01", "registry administrator of MNG01 (Mongolia)",
                        "admin@MNG01", "registry-admin", Map.of("registry", DemoScenario.MONGOLIA_REGISTRY)),
                new DemoActor("JCM_TOKEN_APPROVER_JPN01", "second registry administrator of JPN01 (Japan), approver:"
                        + " approves the other administrator's proposals", "approver@JPN01", "registry-admin",
                        Map.of("registry", DemoScenario.JAPAN_REGISTRY, "approver", true)),
                new DemoActor("JCM_TOKEN_APPROVER_MNG01", "second registry administrator of MNG01 (Mongolia), approver:"
                        + " approves the other administrator's proposals", "approver@MNG01", "registry-admin",
                        Map.of("registry", DemoScenario.MONGOLIA_REGISTRY, "approver", true)),
                new DemoActor("JCM_TOKEN_GOV_JPN", "government of Japan",
                        "gov@JPN", "government", Map.of("party", "JPN")),
                new DemoActor("JCM_TOKEN_GOV_MNG", "government of Mongolia",
                        "gov@MNG", "government", Map.of("party", "MNG")),
                new DemoActor("JCM_TOKEN_APPROVER_GOV_MNG", "second official of the government of Mongolia, approver:"
                        + " approves the other official's proposals", "approver@MNG", "government",
                        Map.of("party", "MNG", "approver", true)),
                new DemoActor("JCM_TOKEN_JC_MNG", "JC secretariat of the Japan-Mongolia Joint Committee: records the JC's"
                        + " methodologies, registrations and issuance decisions", "secretariat@MNG", "jc-secretariat",
                        Map.of("party", "MNG")),
                new DemoActor("JCM_TOKEN_TPE_VALIDATOR", "third-party entity " + DemoScenario.VALIDATOR + " ("
                        + DemoScenario.VALIDATOR_NAME + "): validates the project's design", "validator@" + DemoScenario.VALIDATOR,
                        "third-party-entity", Map.of("tpe", DemoScenario.VALIDATOR)),
                new DemoActor("JCM_TOKEN_TPE_VERIFIER", "third-party entity " + DemoScenario.VERIFIER + " ("
                        + DemoScenario.VERIFIER_NAME + "): verifies its monitoring reports", "verifier@" + DemoScenario.VERIFIER,
                        "third-party-entity", Map.of("tpe", DemoScenario.VERIFIER)),
                new DemoActor("JCM_TOKEN_GOBI_SOLAR", "account holder: " + DemoScenario.MONGOLIAN_COMPANY + " ("
                        + ids.mongolianCompany() + ", account " + ids.mongolianAccount() + "), the project's representative participant (the applicant)",
                        "trader@gobi-solar", "account-holder", Map.of("org", ids.mongolianCompany())),
                new DemoActor("JCM_TOKEN_SAKURA_TRADING", "account holder: " + DemoScenario.JAPANESE_COMPANY + " ("
                        + ids.japaneseCompany() + ", account " + ids.japaneseAccount() + "), the buyer",
                        "trader@sakura-trading", "account-holder", Map.of("org", ids.japaneseCompany())),
                new DemoActor("JCM_TOKEN_EXCHANGE", "exchange " + DemoScenario.VENUE + " (trading venue)",
                        "exchange@" + DemoScenario.VENUE, "exchange", Map.of("venue", DemoScenario.VENUE)),
                new DemoActor("JCM_TOKEN_AUDITOR", "auditor: reads the whole ledger",
                        "auditor", "auditor", Map.of()));
    }
}
