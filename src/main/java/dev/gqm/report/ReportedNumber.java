package dev.gqm.report;

import dev.gqm.model.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A value as machine-readable outputs carry it: counts as integers, hours and ratios to 4 decimals. */
final class ReportedNumber {
    private ReportedNumber() {
    }

    /** Null for no value; non-finite values have no JSON or CSV form, so they read as no value too. */
    static Number of(Double value, Unit unit) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        if (unit == Unit.COUNT) {
            return Math.round(value);
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** The plain decimal text of a number, never in exponent form ("0.0001", not "1.0E-4"). */
    static String text(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                return "";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (number instanceof BigDecimal big) {
            return big.toPlainString();
        }
        return number.toString();
    }
}
