package dev.gqm.report;

/** Text cells made inert for spreadsheets, which run cells starting with = + - @ (tab, CR) as formulas. */
final class SpreadsheetText {
    private SpreadsheetText() {
    }

    static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
