package org.jcm.registry.disclosure;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of emission records, disclosure statements and publications (docs/disclosure.md). */
public final class DisclosureJson {

    private DisclosureJson() {
    }

    /** An organization as a statement names it. */
    public record Organization(String id, String name) {
    }

    /** The log key's signature of a version's sha256 ({@link RecordSeal}). */
    public record SignatureJson(String keyId, String value) {
    }

    /**
     * One version of an emission record. {@code recordedBy} and {@code recordJson} (the canonical JSON
     * that was hashed and signed) are null for readers without a token (a published statement).
     */
    @Schema(description = "One version of an organization's gross emissions for a fiscal year")
    public record EmissionVersion(String organizationId, int fiscalYear, int version, Integer supersedes, long scope1,
                                  long scope2, String scope2Basis, Long scope3, String unit, String source,
                                  String assuranceReference, String recordedAt, String recordedBy, String sha256,
                                  String previousSha256, SignatureJson signature, String recordJson) {
    }

    /** The versions of a fiscal year, oldest first, and the key that verifies their signatures. */
    public record EmissionVersions(String organizationId, int fiscalYear, List<EmissionVersion> items, String verifierKey) {
    }

    /** The gross figures of a statement: the latest version, and where its history is. */
    public record Gross(int version, long scope1, long scope2, String scope2Basis, Long scope3, String unit, String source,
                        String assuranceReference, String recordedAt, String sha256, String versions) {
    }

    /** One retired piece counted or shown on a statement. */
    public record CreditLine(long seq, String retiredAt, String date, Organization retiringOrganization, String how,
                             String beneficiary, String serial, String projectId, String hostParty, int vintage, long quantity,
                             String purpose, String usingParty, Long yearOfUse, String authorizationId,
                             String correspondingAdjustment, String caState, boolean counted, String notCountedBecause,
                             String certificate) {
    }

    /** A total of the credit lines by one key (a purpose, a corresponding-adjustment status). */
    public record Total(String key, long quantity, long counted) {
    }

    /** The credits of a statement. */
    public record Credits(List<CreditLine> lines, List<Total> byPurpose, List<Total> byCorrespondingAdjustment, long total,
                          long counted) {
    }

    /** The rule that produced the net figure. */
    public record Rule(String id, String text, String documentation) {
    }

    /**
     * The net figure beside the gross one: scope 1 + 2 less the counted credits (not below zero), and
     * the same counting only credits whose corresponding adjustment the host has applied.
     */
    public record Net(long grossScope1And2, long creditsCounted, long creditsApplied, long creditsBeyondGross, long net,
                      long creditsCountedAdjusted, long netWithAdjustedCreditsOnly, String unit) {
    }

    /** A net disclosure statement of an organization for a Japanese fiscal year. */
    @Schema(description = "Gross emissions, JCM credits retired for the organization, and the net figure beside gross")
    public record Statement(Organization organization, String registryId, int fiscalYear, String from, String to, long asOfSeq,
                            Gross gross, Credits credits, Net net, Rule rule, List<String> published, String notice) {
    }

    /** A publication of an organization's fiscal year. */
    public record Publication(long id, Organization organization, int fiscalYear, String scope, String publishedAt,
                              String uses, String statement) {
    }

    /** One anonymized use of credits: no account, no beneficiary, no retiring organization. */
    public record Use(String date, String purpose, long quantity, int vintage, String projectId,
                      String hostParty, String correspondingAdjustment) {
    }

    /** The published uses of an organization's fiscal year. */
    public record Uses(Organization organization, int fiscalYear, String publishedAt, long asOfSeq, List<Use> items,
                       long total) {
    }
}
