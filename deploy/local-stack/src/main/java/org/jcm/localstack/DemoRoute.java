package org.jcm.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo project's way through the JCM project cycle (docs/project-cycle.md), as the people of
 * each step: Mongolia's JC secretariat approves the methodology and the operator accredits two
 * third-party entities; Gobi Solar (the representative participant, with Sakura Trading as the
 * other participant) submits the Project Idea Note, which the government of Mongolia returns once
 * for revision and confirms after the resubmission; Gobi Solar submits the design, the first entity
 * validates it, and the JC secretariat registers the project. Then the 2024 monitoring report is
 * verified by the second entity, Gobi Solar requests issuance and the JC secretariat decides the
 * two shares that the registries then issue. Every document is uploaded first and cited by its hash.
 */
final class DemoRoute {

    private final DemoRequests requests;
    private final Progress progress;

    DemoRoute(DemoRequests requests, Progress progress) {
        this.requests = requests;
        this.progress = progress;
    }

    /** The methodology of the demo project (JC secretariat of Mongolia) and the two entities (operator). */
    void reference() throws SeedingException, IOException, InterruptedException {
        requests.post("methodology " + DemoScenario.METHODOLOGY, "07a-methodology", "/api/v1/methodologies", "JCM_TOKEN_JC_MNG",
                DemoSeeder.body("id", DemoScenario.METHODOLOGY, "hostParty", "MNG", "title", DemoScenario.METHODOLOGY_TITLE,
                        "sectoralScope", (long) DemoScenario.SECTORAL_SCOPE, "version", 1L, "status", "APPROVED"));
        for (String[] entity : List.of(new String[] {DemoScenario.VALIDATOR, DemoScenario.VALIDATOR_NAME},
                new String[] {DemoScenario.VERIFIER, DemoScenario.VERIFIER_NAME})) {
            requests.post("third-party entity " + entity[0], "07b-entity-" + entity[0], "/api/v1/third-party-entities",
                    "JCM_TOKEN_OPERATOR", DemoSeeder.body("id", entity[0], "name", entity[1],
                            "sectoralScopes", List.of((long) DemoScenario.SECTORAL_SCOPE), "hostParties", List.of("MNG"),
                            "status", "ACTIVE"));
        }
        progress.step("  methodology " + DemoScenario.METHODOLOGY + " approved by Mongolia's JC secretariat; entities "
                + DemoScenario.VALIDATOR + " and " + DemoScenario.VERIFIER + " accredited for scope "
                + DemoScenario.SECTORAL_SCOPE + " in Mongolia");
    }

    /**
     * The application, from the Project Idea Note to the registration; returns the project id the
     * registration gave it.
     */
    String register(DemoIds ids) throws SeedingException, IOException, InterruptedException {
        Map<String, Object> idea = DemoSeeder.body("title", DemoScenario.PROJECT_TITLE, "hostParties", List.of("MNG"),
                "methodologyId", DemoScenario.METHODOLOGY, "financing", DemoSeeder.body("kind", "PRIVATE",
                        "japanShareBasisPoints", 0L));
        Map<String, Object> application = DemoSeeder.body();
        application.putAll(idea);
        application.put("participants", DemoSeeder.body("representative", ids.mongolianCompany(),
                "others", List.of(ids.japaneseCompany())));
        application.put("documents", cite("PIN", document("pin-v1", "Project Idea Note, version 1", "JCM_TOKEN_GOBI_SOLAR")));
        String id = id("application", requests.post("application", "07d-application", "/api/v1/applications",
                "JCM_TOKEN_GOBI_SOLAR", application));
        String path = "/api/v1/applications/" + id;
        requests.post("return of the Project Idea Note", "07e-pin-return", path + "/project-idea-review", "JCM_TOKEN_GOV_MNG",
                verdict("RETURN", List.of(DemoScenario.PIN_RETURN_REASON)));
        Map<String, Object> resubmission = DemoSeeder.body();
        resubmission.putAll(idea);
        resubmission.put("documents", cite("PIN", document("pin-v2", "Project Idea Note, version 2 (grid emission factor:"
                + " Mongolia's national grid, 2023)", "JCM_TOKEN_GOBI_SOLAR")));
        requests.post("resubmission of the Project Idea Note", "07f-pin-resubmission", path + "/project-idea", "JCM_TOKEN_GOBI_SOLAR",
                resubmission);
        requests.post("confirmation of the Project Idea Note", "07g-pin-confirmation", path + "/project-idea-review",
                "JCM_TOKEN_GOV_MNG", verdict("ACCEPT", List.of()));
        requests.post("design", "07h-design", path + "/design", "JCM_TOKEN_GOBI_SOLAR", DemoSeeder.body("documents",
                cite("PDD", document("pdd", "Project design document", "JCM_TOKEN_GOBI_SOLAR"))));
        Map<String, Object> validation = verdict("ACCEPT", List.of());
        validation.put("documents", cite("VALIDATION_REPORT", document("validation-report", "Validation report",
                "JCM_TOKEN_TPE_VALIDATOR")));
        requests.post("validation", "07i-validation", path + "/validation", "JCM_TOKEN_TPE_VALIDATOR", validation);
        Map<String, Object> registration = verdict("ACCEPT", List.of());
        registration.put("decisionReference", DemoScenario.REGISTRATION_DECISION);
        Object registered = requests.post("registration", "07j-registration", path + "/registration-decision", "JCM_TOKEN_JC_MNG",
                registration);
        String project = registeredProject(registered);
        progress.step("  application " + id + " by " + DemoScenario.MONGOLIAN_COMPANY + ": PIN returned by Mongolia (\""
                + DemoScenario.PIN_RETURN_REASON + "\"), resubmitted and confirmed; design validated by " + DemoScenario.VALIDATOR
                + "; project " + project + " registered by Mongolia's JC secretariat (" + DemoScenario.REGISTRATION_DECISION + ")");
        return project;
    }

    /**
     * The 2024 monitoring cycle: reported, verified, requested, and decided with MNG01's share to the
     * Mongolian account and JPN01's to the Japanese one. Returns the issuance request's id.
     */
    String decideIssuance(String project, DemoIds ids) throws SeedingException, IOException, InterruptedException {
        long total = DemoScenario.ISSUED_TO_MONGOLIA + DemoScenario.ISSUED_TO_JAPAN;
        String cycle = id("monitoring report", requests.post("monitoring report", "08a-monitoring-report",
                "/api/v1/monitoring-cycles", "JCM_TOKEN_GOBI_SOLAR", DemoSeeder.body("projectId", project,
                        "periodStart", DemoScenario.MONITORING_START, "periodEnd", DemoScenario.MONITORING_END,
                        "claimedQuantity", total, "documents", cite("MONITORING_REPORT", document("monitoring-report-2024",
                                "Monitoring report 2024", "JCM_TOKEN_GOBI_SOLAR")))));
        String path = "/api/v1/monitoring-cycles/" + cycle;
        Map<String, Object> verification = verdict("ACCEPT", List.of());
        verification.put("verifiedQuantity", total);
        verification.put("documents", cite("VERIFICATION_REPORT", document("verification-report-2024", "Verification report 2024",
                "JCM_TOKEN_TPE_VERIFIER")));
        requests.post("verification", "08b-verification", path + "/verification", "JCM_TOKEN_TPE_VERIFIER", verification);
        String request = id("issuance request", requests.post("issuance request", "08c-issuance-request",
                path + "/issuance-request", "JCM_TOKEN_GOBI_SOLAR", DemoSeeder.body()));
        Map<String, Object> decision = verdict("ACCEPT", List.of());
        decision.put("decisionReference", DemoScenario.ISSUANCE_DECISION);
        decision.put("shares", List.of(
                share(DemoScenario.MONGOLIA_REGISTRY, ids.mongolianAccount(), DemoScenario.ISSUED_TO_MONGOLIA),
                share(DemoScenario.JAPAN_REGISTRY, ids.japaneseAccount(), DemoScenario.ISSUED_TO_JAPAN)));
        requests.post("issuance decision", "08d-issuance-decision", path + "/issuance-decision", "JCM_TOKEN_JC_MNG", decision);
        progress.step("  monitoring cycle " + cycle + " (" + DemoScenario.MONITORING_START + " to " + DemoScenario.MONITORING_END
                + ", " + total + " t) verified by " + DemoScenario.VERIFIER + "; issuance request " + request
                + " decided by Mongolia's JC secretariat (" + DemoScenario.ISSUANCE_DECISION + "): "
                + DemoScenario.ISSUED_TO_MONGOLIA + " t by MNG01, " + DemoScenario.ISSUED_TO_JAPAN + " t by JPN01");
        return request;
    }

    private static Map<String, Object> share(String registry, String account, long quantity) {
        return DemoSeeder.body("registryId", registry, "numberingHost", "MNG", "vintage", (long) DemoScenario.VINTAGE,
                "allocations", List.of(DemoSeeder.body("accountId", account, "quantity", quantity)));
    }

    private static Map<String, Object> verdict(String verdict, List<String> reasons) {
        return DemoSeeder.body("verdict", verdict, "reasons", reasons, "documents", List.of());
    }

    private static List<Object> cite(String kind, String sha256) {
        return List.of(DemoSeeder.body("sha256", sha256, "kind", kind));
    }

    /** Uploads the demo's PDF named {@code name} with a line of {@code title}; its SHA-256. Same bytes on every run. */
    private String document(String name, String title, String actor) throws SeedingException, IOException, InterruptedException {
        String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "% " + DemoScenario.PROJECT_TITLE + ": " + title + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return requests.uploadPdf("document " + name, name + ".pdf", actor, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The project id the registration's ProjectRegistered event names, read back from the ledger as the auditor. */
    private String registeredProject(Object registered) throws SeedingException, IOException, InterruptedException {
        Optional<Long> seq = JsonTrees.objectsWith(registered, "type", "ProjectRegistered").stream()
                .map(event -> event.get("seq")).filter(Long.class::isInstance).map(Long.class::cast).findFirst();
        if (seq.isEmpty()) {
            throw new SeedingException("The registration's answer names no ProjectRegistered event: " + registered);
        }
        Object entry = requests.get("project of the registration", "/api/v1/ledger/events?limit=1&after=" + (seq.get() - 1),
                "JCM_TOKEN_AUDITOR");
        Optional<String> project = JsonTrees.find(entry, "projectId");
        if (project.isEmpty() || !project.get().equals(DemoScenario.PROJECT)) {
            throw new SeedingException("The registration gave the project " + project.orElse("no id") + ", not "
                    + DemoScenario.PROJECT + ": the demo data need a fresh ledger");
        }
        return project.get();
    }

    private static String id(String what, Object answer) throws SeedingException {
        if (answer instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            return id;
        }
        throw new SeedingException("The answer creating the " + what + " names no id: " + answer);
    }
}
