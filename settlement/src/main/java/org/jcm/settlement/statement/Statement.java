package org.jcm.settlement.statement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jcm.settlement.api.CsvTable;
import org.jcm.settlement.trade.RegisteredTrade;

/**
 * A venue's net settlement obligations for one UTC day: for each participant (account) and
 * currency what it pays and receives for the trades settled that day, and, per currency, who pays
 * whom after netting each pair of participants. Amounts are price times quantity, exact, in the
 * trade's currency (the registered price, which is what the exchange executed).
 */
@Schema(name = "SettlementStatement")
public record Statement(String venue, String date, int tradeCount, List<Participant> participants,
                        List<Obligation> obligations) implements CsvTable {

    /** One participant's totals in one currency; {@code net} is receives minus pays. */
    public record Participant(String accountId, String currency, long boughtTonnes, long soldTonnes, String pays,
                              String receives, String net) {
    }

    /** After netting a pair of participants in a currency, what one pays the other. */
    public record Obligation(String payerAccountId, String payeeAccountId, String currency, String amount) {
    }

    /** The statement of the given settled trades. */
    public static Statement of(String venue, LocalDate date, List<RegisteredTrade> settled) {
        Map<String, long[]> tonnes = new TreeMap<>();
        Map<String, BigDecimal[]> money = new TreeMap<>();
        Map<String, BigDecimal> pairs = new TreeMap<>();
        for (RegisteredTrade t : settled) {
            BigDecimal amount = t.amount();
            String buyer = t.currency() + "|" + t.buyerAccountId();
            String seller = t.currency() + "|" + t.sellerAccountId();
            tonnes.computeIfAbsent(buyer, k -> new long[2])[0] += t.quantity();
            tonnes.computeIfAbsent(seller, k -> new long[2])[1] += t.quantity();
            money.computeIfAbsent(buyer, k -> zeros())[0] = money.get(buyer)[0].add(amount);
            money.computeIfAbsent(seller, k -> zeros())[1] = money.get(seller)[1].add(amount);
            // A pair is keyed in a fixed order; positive means the first pays the second.
            boolean buyerFirst = t.buyerAccountId().compareTo(t.sellerAccountId()) < 0;
            String pair = t.currency() + "|" + (buyerFirst ? t.buyerAccountId() + "|" + t.sellerAccountId()
                    : t.sellerAccountId() + "|" + t.buyerAccountId());
            pairs.merge(pair, buyerFirst ? amount : amount.negate(), BigDecimal::add);
        }
        List<Participant> participants = new ArrayList<>();
        money.forEach((key, m) -> {
            String[] parts = key.split("\\|");
            long[] t = tonnes.get(key);
            participants.add(new Participant(parts[1], parts[0], t[0], t[1], m[0].toPlainString(),
                    m[1].toPlainString(), m[1].subtract(m[0]).toPlainString()));
        });
        List<Obligation> obligations = new ArrayList<>();
        pairs.forEach((key, amount) -> {
            String[] parts = key.split("\\|");
            if (amount.signum() > 0) {
                obligations.add(new Obligation(parts[1], parts[2], parts[0], amount.toPlainString()));
            } else if (amount.signum() < 0) {
                obligations.add(new Obligation(parts[2], parts[1], parts[0], amount.negate().toPlainString()));
            }
        });
        return new Statement(venue, date.toString(), settled.size(), participants, obligations);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    @Override
    public List<String> csvHeader() {
        return List.of("venue", "date", "accountId", "currency", "boughtTonnes", "soldTonnes", "pays", "receives", "net");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Participant p : participants) {
            rows.add(List.of(venue, date, p.accountId(), p.currency(), Long.toString(p.boughtTonnes()),
                    Long.toString(p.soldTonnes()), p.pays(), p.receives(), p.net()));
        }
        return rows;
    }
}
