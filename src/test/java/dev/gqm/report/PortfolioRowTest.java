package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortfolioRowTest {
    @Test
    void anErrorIsOneLine() {
        PortfolioRow row = PortfolioRow.failed("a", null, "/r", "first line\n  second line\r\nthird\n");
        assertEquals("first line; second line; third", row.error());
        assertEquals("failed", row.statusLabel());
        assertEquals("", row.group());
    }

    @Test
    void aNameCannotBecomeAnotherLink() {
        assertThrows(IllegalArgumentException.class, () -> PortfolioRow.failed("javascript:alert(1)//", "", "/r", "e"));
        assertThrows(IllegalArgumentException.class, () -> PortfolioRow.failed("../up", "", "/r", "e"));
    }

    @Test
    void aRowHasAResultOrAnError() {
        assertThrows(IllegalArgumentException.class, () -> new PortfolioRow("a", "", "/r", null, null));
    }
}
