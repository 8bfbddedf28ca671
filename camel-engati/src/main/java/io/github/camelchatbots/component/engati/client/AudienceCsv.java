package io.github.camelchatbots.component.engati.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelchatbots.component.engati.model.EngatiRecipient;
import io.github.camelchatbots.support.Texts;

/**
 * Writes the recipients of an external broadcast as the CSV Engati takes (RFC 4180, CRLF line ends): a header whose
 * first column is {@code user.phone_number}, then one row per recipient. Phone numbers are written in the form Engati
 * requires, {@code +<country code><number>}: a missing {@code +} is added, spaces and dashes are left out.
 * <p>
 * Rows may be {@link EngatiRecipient}s; lists of cells, the phone number first (columns {@code user.attribute_0},
 * {@code user.attribute_1}, ... follow, unless the first row is itself a header starting with
 * {@code user.phone_number}); maps from column name to value; or plain phone numbers.
 */
public final class AudienceCsv {

    public static final String PHONE_COLUMN = "user.phone_number";
    public static final String ATTRIBUTE_COLUMN_PREFIX = "user.attribute_";

    private AudienceCsv() {
    }

    /** @throws IllegalArgumentException naming the row at fault */
    public static String write(Collection<?> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": a broadcast needs at least one recipient");
        }
        Object first = rows.iterator().next();
        List<List<String>> table = first instanceof Map<?, ?> ? fromMaps(rows) : fromRows(rows);
        StringBuilder csv = new StringBuilder();
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(escape(row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static List<List<String>> fromRows(Collection<?> rows) {
        List<List<String>> cellRows = new ArrayList<>();
        int index = 0;
        for (Object row : rows) {
            cellRows.add(cells(row, index++));
        }
        boolean hasHeader = cellRows.get(0).get(0).trim().equals(PHONE_COLUMN);
        List<String> header;
        if (hasHeader) {
            header = cellRows.remove(0);
            if (cellRows.isEmpty()) {
                throw new IllegalArgumentException(EngatiIds.VENDOR + ": a broadcast needs at least one recipient, the"
                                                   + " rows hold only the header");
            }
        } else {
            int width = cellRows.stream().mapToInt(List::size).max().orElse(1);
            header = new ArrayList<>();
            header.add(PHONE_COLUMN);
            for (int i = 0; i < width - 1; i++) {
                header.add(ATTRIBUTE_COLUMN_PREFIX + i);
            }
        }
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        int rowNumber = hasHeader ? 1 : 0;
        for (List<String> cells : cellRows) {
            if (cells.size() > header.size()) {
                throw new IllegalArgumentException(EngatiIds.VENDOR + ": broadcast row " + rowNumber + " has "
                                                   + cells.size() + " cells, the header " + header.size());
            }
            List<String> padded = new ArrayList<>(cells);
            padded.set(0, phone(padded.get(0), rowNumber));
            while (padded.size() < header.size()) {
                padded.add("");
            }
            table.add(padded);
            rowNumber++;
        }
        return table;
    }

    private static List<String> cells(Object row, int index) {
        List<String> cells = new ArrayList<>();
        if (row instanceof EngatiRecipient recipient) {
            cells.add(recipient.phoneNumber() == null ? "" : recipient.phoneNumber());
            recipient.attributes().forEach(value -> cells.add(value == null ? "" : value));
        } else if (row instanceof Collection<?> values) {
            values.forEach(value -> cells.add(value == null ? "" : value.toString()));
        } else if (row instanceof Object[] values) {
            for (Object value : values) {
                cells.add(value == null ? "" : value.toString());
            }
        } else if (row instanceof CharSequence || row instanceof Number) {
            cells.add(row.toString());
        } else {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": broadcast row " + index + " must be an"
                                               + " EngatiRecipient, a list of cells, a map of columns or a phone"
                                               + " number, not " + (row == null ? "null"
                                                       : "a " + row.getClass().getSimpleName()));
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": broadcast row " + index + " is empty; it must"
                                               + " start with the phone number");
        }
        return cells;
    }

    private static List<List<String>> fromMaps(Collection<?> rows) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(PHONE_COLUMN);
        int index = 0;
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(EngatiIds.VENDOR + ": broadcast row " + index + " is a "
                                                   + (row == null ? "null" : row.getClass().getSimpleName())
                                                   + " where the rows before it are maps of columns");
            }
            if (map.get(PHONE_COLUMN) == null) {
                throw new IllegalArgumentException(EngatiIds.VENDOR + ": broadcast row " + index + " has no "
                                                   + PHONE_COLUMN);
            }
            map.keySet().forEach(key -> columns.add(String.valueOf(key)));
            index++;
        }
        List<List<String>> table = new ArrayList<>();
        table.add(new ArrayList<>(columns));
        index = 0;
        for (Object row : rows) {
            Map<?, ?> map = (Map<?, ?>) row;
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object value = map.get(column);
                cells.add(value == null ? "" : value.toString());
            }
            cells.set(0, phone(cells.get(0), index++));
            table.add(cells);
        }
        return table;
    }

    private static String phone(String given, int rowNumber) {
        String trimmed = given.trim();
        try {
            EngatiIds.phoneNumber("the phone number of broadcast row " + rowNumber, trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EngatiIds.VENDOR + ": broadcast row " + rowNumber + " must start with a"
                                               + " phone number with country code such as +919876543210, not "
                                               + Texts.quote(given), e);
        }
        return "+" + trimmed.replaceAll("[^0-9]", "");
    }

    /** Quoted when it holds a comma, a quote or a line break, quotes doubled, as RFC 4180 has it. */
    private static String escape(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
