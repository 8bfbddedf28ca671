package io.github.camelchatbots.simulator.engati;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code target_audience} file of an external broadcast: RFC 4180 CSV whose header starts with
 * {@code user.phone_number}, one recipient per row, the template's parameter values ({@code user.attribute_0},
 * {@code user.attribute_1}, ...) in the further columns.
 */
final class AudienceCsv {

    static final String PHONE_COLUMN = "user.phone_number";

    /** The header and the recipients' rows, in file order. */
    record Audience(List<String> header, List<List<String>> rows) {

        Audience {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private AudienceCsv() {
    }

    /** @throws IllegalArgumentException saying why the text is not such a file */
    static Audience parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            // U+FFFD is what bytes that are not UTF-8 were decoded to.
            if (c == '\uFFFD' || c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                throw new IllegalArgumentException("it holds binary data, not text");
            }
        }
        List<List<String>> records = records(csv);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("it is empty; the first row must be the header, starting with "
                    + PHONE_COLUMN);
        }
        List<String> header = records.get(0);
        if (!header.get(0).trim().equals(PHONE_COLUMN)) {
            throw new IllegalArgumentException("its first column must be " + PHONE_COLUMN + ", was '"
                    + header.get(0) + "'");
        }
        List<List<String>> rows = records.subList(1, records.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int rowNumber = i + 2;
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + rowNumber + " has " + row.size() + " columns, the header "
                        + header.size());
            }
            if (!row.get(0).trim().startsWith("+") || PhoneNumbers.digits(row.get(0)) == null) {
                throw new IllegalArgumentException("row " + rowNumber + ": '" + row.get(0)
                        + "' is not a phone number in the form +<country code><number>");
            }
        }
        return new Audience(header, rows);
    }

    /** Every non-blank record; quoted fields may hold commas, line breaks and doubled quotes. */
    private static List<List<String>> records(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i <= csv.length()) {
            char c = i < csv.length() ? csv.charAt(i) : '\n';
            if (c == '"' && field.isEmpty()) {
                int close = closingQuote(csv, i + 1, field);
                i = close + 1;
                if (i < csv.length() && ",\r\n".indexOf(csv.charAt(i)) < 0) {
                    throw new IllegalArgumentException("a quoted field is followed by '" + csv.charAt(i)
                            + "' instead of a comma or a line break");
                }
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("a field holds a quote without being quoted: " + field + '"');
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                boolean blank = record.size() == 1 && record.get(0).isBlank();
                if (!blank) {
                    records.add(record);
                }
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        return records;
    }

    /** Appends the quoted field's text to {@code field} and returns the index of its closing quote. */
    private static int closingQuote(String csv, int from, StringBuilder field) {
        int i = from;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"') {
                if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("a quoted field is never closed");
    }
}
