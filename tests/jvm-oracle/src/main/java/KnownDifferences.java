import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.regex.Pattern;
import org.hisp.dhis.lib.expression.Expression;
import org.hisp.dhis.lib.expression.ExpressionMode;

/**
 * The deliberate differences between Phum and the oracle's library versions, and nothing else:
 * the one place in code that mirrors KNOWN_DIFFERENCES.md (each rule returns its heading there).
 * A difference not explained here fails the differential test.
 */
final class KnownDifferences {

    private KnownDifferences() {}

    static final String EQUALITY = "1. equality (parser 1.3.0 vs 1.4)";
    static final String MINUTES_BETWEEN = "2. d2:minutesBetween (parser 1.3.0)";
    static final String OCTAL = "3. octal escapes (parser 1.3.0 lexer)";
    static final String UNARY_CHAIN = "4. unusable unary chains fail when parsed";
    static final String FAR_DATES = "5. dates beyond chrono's calendar";
    static final String SURROGATES = "6. half a surrogate pair";

    /** A backslash and an octal digit inside the expression text. */
    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\[0-7]");

    /**
     * The KNOWN_DIFFERENCES.md heading that explains this difference, or null for a failure.
     * Each section needs evidence from the oracle itself (what it threw, what it answered on
     * the part Phum points at, and what it answers once that part is replaced); Phum's pointers
     * ({@code touches}, {@code equalities}, {@code rewritten}, {@code printed}) only say where to
     * look.
     */
    static String explain(JsonObject c, JsonObject phum, JsonObject java) {
        String expression = Oracle.string(c, "expression", "");
        String phumError = Oracle.nullableString(phum, "error");
        String phumDetail = Oracle.string(phum, "detail", "");
        String javaError = Oracle.nullableString(java, "error");
        if (equalityExplains(c, phum)) {
            return EQUALITY;
        }
        // The oracle's own parse error names the function it does not know.
        if (minutesBetweenUnknown(c, java)) {
            return MINUTES_BETWEEN;
        }
        if (OCTAL_ESCAPE.matcher(expression).find() && octalExplains(c, phum)) {
            return OCTAL;
        }
        // A deliberate refusal by Phum: explained whatever the JVM answers, provided it parsed.
        if ("parse".equals(phumError) && phumDetail.contains("operators without operands")
                && !"parse".equals(javaError)) {
            return UNARY_CHAIN;
        }
        // Phum's dates end where chrono's calendar does; the oracle must have gone past it: a
        // date outside it, or a number of days no span inside it reaches.
        if ("eval".equals(phumError) && phumDetail.contains(BEYOND_TEXT) && javaError == null
                && (beyondChrono(java) || oracleGoesBeyondChrono(c, phumDetail))) {
            return FAR_DATES;
        }
        if (phumError == null && javaError == null
                && Oracle.string(phum, "type", "").equals(Oracle.string(java, "type", ""))
                && Oracle.string(phum, "value", "").equals(replaceLoneSurrogates(Oracle.string(java, "value", "")))) {
            return SURROGATES;
        }
        return null;
    }

    /**
     * Section 1 with evidence: for at least one comparison Phum points at, the oracle evaluates
     * its two sides to a number and a boolean or non-numeric text, Phum's answer for it is what
     * parser 1.4 gives for those very values ({@link #equality14}), and the oracle itself throws
     * or answers otherwise on that comparison; and once every pointed comparison is replaced by
     * Phum's answer ({@code rewritten}), the oracle answers the whole case as Phum does.
     */
    static boolean equalityExplains(JsonObject c, JsonObject phum) {
        if (!c.has("equalities") || !c.get("equalities").isJsonArray() || c.getAsJsonArray("equalities").isEmpty()) {
            return false;
        }
        boolean shown = false;
        for (JsonElement e : c.getAsJsonArray("equalities")) {
            JsonObject q = e.getAsJsonObject();
            String op = Oracle.string(q, "op", "==");
            Object left;
            Object right;
            try {
                left = operand(c, Oracle.string(q, "left", ""));
                right = operand(c, Oracle.string(q, "right", ""));
            } catch (Throwable t) {
                continue;
            }
            Boolean expected = equality14(left, right, op);
            if (expected == null || !expected.toString().equals(Oracle.string(q, "phum", ""))) {
                continue;
            }
            Object jvm;
            try {
                jvm = evaluateText(c, "(" + Oracle.string(q, "left", "") + ") " + op + " (" + Oracle.string(q, "right", "") + ")");
            } catch (Throwable t) {
                jvm = t;
            }
            shown |= !expected.equals(jvm);
        }
        if (!shown) {
            return false;
        }
        JsonObject rewritten = c.deepCopy();
        rewritten.addProperty("expression", Oracle.string(c, "rewritten", ""));
        return sameOrMinutesBetween(c, phum, Differential.evaluate(rewritten));
    }

    /**
     * The oracle's answer to a rewritten case is Phum's, or differs from it only as section 2 or
     * section 5 allows (a case may meet more than one documented difference).
     */
    static boolean sameOrMinutesBetween(JsonObject c, JsonObject phum, JsonObject java) {
        if (Differential.same(phum, java) || minutesBetweenUnknown(c, java)) {
            return true;
        }
        String phumDetail = Oracle.string(phum, "detail", "");
        return "eval".equals(Oracle.nullableString(phum, "error")) && phumDetail.contains(BEYOND_TEXT)
                && Oracle.nullableString(java, "error") == null
                && (beyondChrono(java) || oracleGoesBeyondChrono(c, phumDetail));
    }

    static boolean minutesBetweenUnknown(JsonObject c, JsonObject java) {
        String detail = Oracle.string(java, "detail", "");
        return touches(c, "minutesBetween-1.3.1") && "parse".equals(Oracle.nullableString(java, "error"))
                && detail.startsWith("Unknown function or constant") && detail.contains("d2:minutesBetween");
    }

    /**
     * Parser 1.4's {@code ==} / {@code !=} for a number and a boolean or non-numeric text
     * (research/program-rules.md §2.6: both sides through toNumber, false if either fails), or
     * null when the values are not of that shape.
     */
    static Boolean equality14(Object a, Object b, String op) {
        boolean shape = (a instanceof Number && otherSide(b)) || (b instanceof Number && otherSide(a));
        if (!shape) {
            return null;
        }
        Double x = toNumber(a);
        Double y = toNumber(b);
        boolean equal = x != null && y != null && x.doubleValue() == y.doubleValue();
        return op.equals("==") ? equal : !equal;
    }

    private static boolean otherSide(Object v) {
        return v instanceof Boolean || (v instanceof String s && toNumber(s) == null);
    }

    private static Double toNumber(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("^[#AVC]\\{([^}]*)\\}$");

    /**
     * A side of a comparison as the comparison sees it: the oracle's value of {@code text}, except
     * that a bare variable (whose value the oracle returns as stored text) is read by its declared
     * type as research/program-rules.md §2.6 says ({@code valueOrDefault}: NUMBER a double, 0.0
     * when empty; BOOLEAN "true" in any case; DATE a date).
     */
    static Object operand(JsonObject c, String text) {
        Object raw = evaluateText(c, text);
        java.util.regex.Matcher m = VARIABLE.matcher(text);
        JsonObject vars = Oracle.object(c, "variables");
        if (!m.matches() || !vars.has(m.group(1))) {
            return raw;
        }
        JsonObject v = vars.getAsJsonObject(m.group(1));
        String value = Oracle.nullableString(v, "value");
        return switch (Oracle.parserType(Oracle.string(v, "valueType", "STRING"))) {
            case "NUMBER" -> value == null ? 0.0 : Double.parseDouble(value);
            case "BOOLEAN" -> value != null && value.equalsIgnoreCase("true");
            case "DATE" -> value == null ? null : java.time.LocalDate.parse(value);
            default -> raw;
        };
    }

    /** The oracle's raw value of {@code text} with the case's mode, variables and supplementary data. */
    static Object evaluateText(JsonObject c, String text) {
        ExpressionMode mode = ExpressionMode.valueOf(Oracle.string(c, "mode", "RULE_ENGINE_ACTION"));
        JsonObject env = new JsonObject();
        env.add("supplementaryValues", Oracle.object(c, "supplementary"));
        return Oracle.evaluateRaw(new Expression(text, mode, false), Oracle.object(c, "variables"), env);
    }

    /**
     * Section 3 with evidence: a string literal of the case holding an octal escape is read by the
     * oracle otherwise than research/program-rules.md §2.2 decodes it (or not at all), and the
     * expression printed without octal escapes ({@code printed}) gets Phum's answer from the oracle.
     */
    static boolean octalExplains(JsonObject c, JsonObject phum) {
        String printed = Oracle.nullableString(c, "printed");
        if (printed == null) {
            return false;
        }
        boolean shown = false;
        for (String literal : octalLiterals(Oracle.string(c, "expression", ""))) {
            Object jvm;
            try {
                jvm = new Expression(literal, ExpressionMode.RULE_ENGINE_ACTION, false).evaluate(n -> null,
                        new org.hisp.dhis.lib.expression.spi.ExpressionData());
            } catch (Throwable t) {
                jvm = t;
            }
            shown |= !decodeLiteral(literal).equals(jvm);
        }
        if (!shown) {
            return false;
        }
        JsonObject reprinted = c.deepCopy();
        reprinted.addProperty("expression", printed);
        return sameOrMinutesBetween(c, phum, Differential.evaluate(reprinted));
    }

    /** The quoted literals of {@code expression} that hold a backslash and an octal digit. */
    static java.util.List<String> octalLiterals(String expression) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char q = expression.charAt(i);
            if (q != '\'' && q != '"') {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < expression.length() && expression.charAt(j) != q && expression.charAt(j) != '\n') {
                j += expression.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= expression.length() || expression.charAt(j) != q) {
                break;
            }
            String literal = expression.substring(i, j + 1);
            if (OCTAL_ESCAPE.matcher(literal).find()) {
                out.add(literal);
            }
            i = j + 1;
        }
        return out;
    }

    /** A string literal decoded as research/program-rules.md §2.2 says: {@code \ddd} is three octal digits. */
    static String decodeLiteral(String literal) {
        StringBuilder b = new StringBuilder();
        String s = literal.substring(1, literal.length() - 1);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                b.append(ch);
                continue;
            }
            char n = s.charAt(++i);
            if (n == 'u' && i + 4 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else if (n >= '0' && n <= '7' && i + 2 < s.length()
                    && s.substring(i, i + 3).chars().allMatch(d -> d >= '0' && d <= '7')) {
                b.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
                i += 2;
            } else {
                b.append(switch (n) {
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    default -> n;
                });
            }
        }
        return b.toString();
    }

    /** Phum's words when a date falls outside chrono's calendar (core/src/expr/eval.rs). */
    static final String BEYOND_TEXT = "is beyond the dates Phum holds";

    /** chrono's calendar: -262143-01-01 to +262142-12-31. */
    private static final long FIRST_YEAR = -262_143L;
    private static final long LAST_YEAR = 262_142L;

    /** The days from chrono's first date to its last: no span inside the calendar is longer. */
    private static final double CHRONO_SPAN_DAYS = 191_491_528.0;

    /** A date as LocalDate.toString writes it, its year with or without a sign. */
    private static final Pattern DATE = Pattern.compile("([+-]?\\d{4,})-\\d{2}-\\d{2}");

    private static final Pattern BEYOND =
            Pattern.compile("(-?\\d+) days from ([+-]?\\d{4,}-\\d{2}-\\d{2}) " + BEYOND_TEXT);

    /** Whether the text holds a date outside chrono's calendar. */
    static boolean holdsDateBeyondChrono(String text) {
        java.util.regex.Matcher m = DATE.matcher(text);
        while (m.find()) {
            try {
                long year = Long.parseLong(m.group(1).replace("+", ""));
                if (year < FIRST_YEAR || year > LAST_YEAR) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    /** The oracle adds the days Phum refused (an untaken branch, a part of a text) beyond chrono. */
    static boolean oracleGoesBeyondChrono(JsonObject c, String phumDetail) {
        java.util.regex.Matcher m = BEYOND.matcher(phumDetail);
        if (!m.find()) {
            return false;
        }
        try {
            Object date = evaluateText(c, "d2:addDays('" + m.group(2) + "', " + m.group(1) + ")");
            return date != null && holdsDateBeyondChrono(date.toString());
        } catch (Throwable t) {
            return false;
        }
    }

    /** A date outside chrono's calendar (alone or inside a text), or a number of days no span inside it reaches. */
    static boolean beyondChrono(JsonObject java) {
        String value = Oracle.string(java, "value", "");
        if (holdsDateBeyondChrono(value)) {
            return true;
        }
        try {
            return Math.abs(Double.parseDouble(value)) > CHRONO_SPAN_DAYS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean touches(JsonObject c, String what) {
        if (!c.has("touches")) {
            return false;
        }
        for (JsonElement e : c.getAsJsonArray("touches")) {
            if (e.getAsString().equals(what)) {
                return true;
            }
        }
        return false;
    }

    /** Each UTF-16 surrogate without its partner becomes U+FFFD, as Rust's lossy decoding does. */
    static String replaceLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
            } else if (Character.isSurrogate(ch)) {
                b.append('\uFFFD');
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
