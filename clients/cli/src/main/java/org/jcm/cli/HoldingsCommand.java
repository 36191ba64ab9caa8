package org.jcm.cli;

import java.util.List;
import org.jcm.client.JcmClient;
import org.jcm.client.Pages;
import org.jcm.client.registry.api.AccountsApi;
import org.jcm.client.registry.model.BlockView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcm holdings ACCOUNT}: the account's live blocks, every page. */
@Command(name = "holdings", mixinStandardHelpOptions = true,
        description = "An account's holdings: serial, project, vintage, quantity (or every column as CSV).")
final class HoldingsCommand extends JcmCommand {

    @Parameters(index = "0", description = "The account, e.g. MNG01-H00001.")
    String account;

    @Option(names = "--csv", description = "Every column as CSV (RFC 4180), as the registry writes it.")
    boolean csv;

    @Override
    public Integer call() {
        String path = "/api/v1/accounts/" + segment(account) + "/holdings";
        if (csv) {
            CsvDownload.copy(client(), path + "?limit=1000", out(), Progress.of(err(), "holdings pages", 0));
            return Jcm.OK;
        }
        AccountsApi api = new AccountsApi(client().registry());
        List<BlockView> blocks = Pages.items(after -> JcmClient.call(() -> api.listAccountHoldings(account, after,
                "1000")), page -> page.getItems(), page -> page.getNext()).toList();
        out().println("serial\tproject\tvintage\tquantity");
        blocks.forEach(block -> out().println(block.getSerial() + "\t" + block.getProjectId() + "\t"
                        + block.getVintage() + "\t" + block.getQuantity()));
        out().flush();
        return Jcm.OK;
    }
}
