package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One match of {@code /iserver/secdef/search} (conid arrives as a string there). */
public record ContractCandidate(long conid, String symbol, String companyName, String description, List<String> secTypes) {
    private static final Set<String> US_EXCHANGES = Set.of("NASDAQ", "NYSE", "ARCA", "AMEX", "BATS", "NYSEARCA",
        "NYSE ARCA", "IEX", "PINK", "CBOE", "NYSEAMERICAN", "NYSENAT");

    public ContractCandidate {
        secTypes = List.copyOf(secTypes);
    }

    public boolean isStock() { return secTypes.contains("STK"); }

    public boolean isUsListing() { return US_EXCHANGES.contains(description.toUpperCase(Locale.ROOT)); }

    public static List<ContractCandidate> parseList(String body) {
        List<ContractCandidate> out = new ArrayList<>();
        for (JsonNode c : JsonBodies.array("/iserver/secdef/search", body, null)) {
            var conid = Lenient.conid(c.get("conid"));
            if (conid.isEmpty()) continue;
            List<String> types = new ArrayList<>();
            c.path("sections").forEach(s -> { if (s.hasNonNull("secType")) types.add(s.get("secType").asText()); });
            if (types.isEmpty() && c.hasNonNull("secType")) types.add(c.get("secType").asText());
            out.add(new ContractCandidate(conid.getAsLong(), Lenient.text(c.get("symbol")), Lenient.text(c.get("companyName")),
                Lenient.text(c.get("description")), types));
        }
        return out;
    }

    /** The US stock listing of exactly {@code symbol}, else the first stock listing of it, else empty. */
    public static Optional<ContractCandidate> pickUsStock(List<ContractCandidate> candidates, String symbol) {
        List<ContractCandidate> stocks = candidates.stream()
            .filter(c -> c.symbol().equalsIgnoreCase(symbol) && c.isStock()).toList();
        return stocks.stream().filter(ContractCandidate::isUsListing).findFirst().or(() -> stocks.stream().findFirst());
    }
}
