package org.jcm.ledger.state;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * The application route for tests, on {@link Fixture}: Mongolia's approved methodology
 * {@code MN_AM001} (scope 1), two entities accredited for scope 1 in Mongolia, and an application of
 * the Mongolian company (representative) with Company A (participant) and Company B (its proxy).
 */
final class RouteFixtures {

    static final MethodologyId SOLAR = MethodologyId.parse("MN_AM001");
    static final ApplicationId AP1 = ApplicationId.of(1);
    static final Actor TPE1 = Actor.thirdPartyEntity("tpe-1", CycleFixtures.TPE1);
    static final Actor TPE2 = Actor.thirdPartyEntity("tpe-2", CycleFixtures.TPE2);

    private RouteFixtures() {
    }

    /** The methodology and both entities. */
    static void reference(Fixture f) {
        f.ok(CycleFixtures.JC_MNG, CycleFixtures.registered("MN_AM001", 1));
        f.ok(Fixture.OPERATOR, new AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE1, 1)));
        f.ok(Fixture.OPERATOR, new AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE2, 1)));
    }

    /** A document of this kind; {@code n} tells documents of the same kind apart. */
    static DocumentRef doc(DocumentKind kind, int n) {
        String hex = Integer.toHexString(kind.ordinal() * 256 + n);
        return new DocumentRef("0".repeat(64 - hex.length()) + hex, kind, kind.name().toLowerCase() + "-" + n + ".pdf",
                "application/pdf", 1000 + n);
    }

    static DocumentRef doc(DocumentKind kind) {
        return doc(kind, 1);
    }

    static ProjectIdea idea(PartyCode... hosts) {
        return new ProjectIdea("Solar in Darkhan", List.of(hosts), SOLAR,
                Financing.government("JCM Model Projects", "Ministry of the Environment, Japan", 5_000), List.of(doc(DocumentKind.PIN)));
    }

    static Participants participants(Fixture f) {
        return new Participants(f.mnC, List.of(f.jpA), Optional.of(f.jpB));
    }

    static SubmitProjectIdea submit(Fixture f) {
        return new SubmitProjectIdea(idea(Fixture.MNG), participants(f));
    }

    static ReviewProjectIdea pinReview(ReviewVerdict verdict, String... reasons) {
        return new ReviewProjectIdea(AP1, verdict, List.of(reasons), List.of());
    }

    static SubmitDesign design() {
        return new SubmitDesign(AP1, List.of(doc(DocumentKind.PDD)));
    }

    static ValidateDesign validation(ReviewVerdict verdict, String... reasons) {
        return new ValidateDesign(AP1, verdict, List.of(reasons),
                verdict == ReviewVerdict.ACCEPT ? List.of(doc(DocumentKind.VALIDATION_REPORT)) : List.of());
    }

    static DecideRegistration registration(ReviewVerdict verdict, String... reasons) {
        return new DecideRegistration(AP1, verdict, "JC-MN-2025-07", List.of(reasons), List.of(doc(DocumentKind.JC_DECISION)));
    }

    /** AP00000001 submitted by the Mongolian company. */
    static void submitted(Fixture f) {
        reference(f);
        f.ok(Fixture.holder(f.mnC), submit(f));
    }

    static void confirmed(Fixture f) {
        submitted(f);
        f.ok(Fixture.GOV_MNG, pinReview(ReviewVerdict.ACCEPT));
    }

    static void designed(Fixture f) {
        confirmed(f);
        f.ok(Fixture.holder(f.jpB), design());
    }

    static void validated(Fixture f) {
        designed(f);
        f.ok(TPE1, validation(ReviewVerdict.ACCEPT));
    }

    /** Registered as MN003 (the fixture has MN001 and MN002). */
    static void registered(Fixture f) {
        validated(f);
        f.ok(CycleFixtures.JC_MNG, registration(ReviewVerdict.ACCEPT));
    }
}
