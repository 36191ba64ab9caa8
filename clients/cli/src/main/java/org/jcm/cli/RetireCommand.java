package org.jcm.cli;

import org.jcm.client.registry.model.BeneficiaryRequest;
import org.jcm.client.registry.model.RetirementPurpose;
import org.jcm.client.registry.model.RetirementRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcm retire}: retires units for a purpose and a beneficiary. */
@Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire units.")
final class RetireCommand extends WriteCommand {

    @Option(names = "--purpose", defaultValue = "VOLUNTARY",
            description = "VOLUNTARY, NDC or OIMP (default ${DEFAULT-VALUE}).")
    RetirementPurpose purpose;

    @Option(names = "--beneficiary", description = "The beneficiary's name, as stated.")
    String beneficiary;

    @Option(names = "--using-party", description = "NDC: the using Party (alpha-3).")
    String usingParty;

    @Option(names = "--year-of-use", description = "NDC: the year of use.")
    Integer yearOfUse;

    @Option(names = "--note", description = "A note recorded with the retirement.")
    String note;

    @Override
    public Integer call() {
        RetirementRequest request = new RetirementRequest().fromAccountId(from).quantity(quantity).serialRanges(ranges())
                .purpose(purpose).usingParty(usingParty).yearOfUse(yearOfUse).note(note)
                .beneficiary(beneficiary == null ? null : new BeneficiaryRequest().stated(beneficiary));
        return write(key -> writes().retireUnits(key, request));
    }
}
