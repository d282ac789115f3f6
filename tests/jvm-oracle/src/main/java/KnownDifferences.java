import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.regex.Pattern;

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

    /** The KNOWN_DIFFERENCES.md heading that explains this difference, or null for a failure. */
    static String explain(JsonObject c, JsonObject phum, JsonObject java) {
        String expression = Oracle.string(c, "expression", "");
        String phumError = Oracle.nullableString(phum, "error");
        String phumDetail = Oracle.string(phum, "detail", "");
        String javaError = Oracle.nullableString(java, "error");
        // Phum marks the cases where a number is compared with a boolean or a non-numeric text.
        if (touches(c, "equality-1.4")) {
            return EQUALITY;
        }
        if (touches(c, "minutesBetween-1.3.1") && "parse".equals(javaError)) {
            return MINUTES_BETWEEN;
        }
        if (OCTAL_ESCAPE.matcher(expression).find()) {
            return OCTAL;
        }
        // Whatever the JVM answers: it fails too when it reaches that part, and answers when a
        // short-circuit or an untaken branch skips it.
        if ("parse".equals(phumError) && phumDetail.contains("operators without operands")
                && !"parse".equals(javaError)) {
            return UNARY_CHAIN;
        }
        if ("eval".equals(phumError) && phumDetail.contains("is beyond the dates Phum holds")) {
            return FAR_DATES;
        }
        if (phumError == null && javaError == null
                && Oracle.string(phum, "type", "").equals(Oracle.string(java, "type", ""))
                && Oracle.string(phum, "value", "").equals(replaceLoneSurrogates(Oracle.string(java, "value", "")))) {
            return SURROGATES;
        }
        return null;
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
