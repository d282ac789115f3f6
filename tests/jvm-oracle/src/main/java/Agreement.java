import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Compares one oracle result with the "expected" / "expected_type" of the vector it came from
 * (schema: shared/research/program-rules.md §5.1). Used by {@code Oracle --check} and the tests.
 */
public final class Agreement {

    private Agreement() {}

    /** Returns null when the result agrees with the vector, else why not. */
    public static String disagreement(JsonObject vector, JsonObject result) {
        String expectedType = Oracle.string(vector, "expected_type", "");
        JsonElement expected = vector.get("expected");
        String type = Oracle.string(result, "type", "");
        String value = Oracle.nullableString(result, "value");
        String error = Oracle.nullableString(result, "error");
        String got = error != null ? type + ": " + quote(error) : type + " " + (value == null ? "null" : quote(value));

        if (type.equals("unsupported")) {
            return "unsupported: " + error;
        }
        if (expectedType.equals("error")) {
            JsonObject e = expected.getAsJsonObject();
            String exception = Oracle.string(e, "exception", "");
            String message = Oracle.nullableString(e, "message");
            if (error == null) {
                return "expected " + exception + ", got " + got;
            }
            if (!type.equals(exception)) {
                return "expected exception " + exception + ", got " + got;
            }
            // A vector may give only the first line of a multi-line message (ParseException
            // messages go on with the options and a position marker).
            if (message != null && !message.equals(error) && !message.equals(error.split("\n", 2)[0])) {
                return "expected message " + quote(message) + ", got " + got;
            }
            return null;
        }
        if (error != null) {
            return "expected " + expectedType + " " + expected + ", got " + got;
        }
        boolean ok;
        switch (expectedType) {
            case "number":
                ok = type.equals("Double") && sameNumber(expected, value, tolerance(vector));
                break;
            case "integer":
                ok = type.equals("Integer") && value.equals(expected.getAsBigDecimal().toBigIntegerExact().toString());
                break;
            case "number_range": {
                JsonObject r = expected.getAsJsonObject();
                ok = type.equals("Double") && Double.parseDouble(value) >= r.get("min").getAsDouble()
                        && Double.parseDouble(value) <= r.get("max").getAsDouble();
                break;
            }
            case "string":
                ok = type.equals("String") && expected.getAsString().equals(value);
                break;
            case "boolean":
                ok = type.equals("Boolean") && String.valueOf(expected.getAsBoolean()).equals(value);
                break;
            case "date":
                ok = type.equals("LocalDate") && expected.getAsString().equals(value);
                break;
            case "null":
                ok = type.equals("null") && value == null;
                break;
            case "normalise":
                ok = expected.getAsJsonObject().get("normalised").getAsString().equals(value);
                break;
            case "validation":
                return validation(expected.getAsJsonObject(), result, got);
            default:
                return "unknown expected_type " + expectedType;
        }
        return ok ? null : "expected " + expectedType + " " + expected + ", got " + got;
    }

    static String validation(JsonObject expected, JsonObject result, String got) {
        boolean valid = expected.get("valid").getAsBoolean();
        String value = Oracle.nullableString(result, "value");
        if (!String.valueOf(valid).equals(value)) {
            return "expected valid=" + valid + " " + expected + ", got " + got
                    + (result.has("issue") ? " " + result.get("issue") : "");
        }
        if (valid) {
            return null;
        }
        JsonObject issue = result.getAsJsonObject("issue");
        for (String key : new String[] {"issue", "position", "message"}) {
            String want = Oracle.nullableString(expected, key);
            if (want != null && !want.equals(Oracle.nullableString(issue, key))) {
                return "expected " + key + " " + quote(want) + ", got " + issue;
            }
        }
        return null;
    }

    static boolean sameNumber(JsonElement expected, String value, Double tolerance) {
        double want = expected.getAsJsonPrimitive().isNumber()
                ? expected.getAsDouble()
                : Double.parseDouble(expected.getAsString()); // "NaN", "Infinity", "-Infinity"
        double have = Double.parseDouble(value);
        if (Double.isNaN(want) || Double.isInfinite(want) || tolerance == null) {
            return Double.compare(want, have) == 0 || want == have;
        }
        return Math.abs(want - have) <= tolerance;
    }

    static Double tolerance(JsonObject vector) {
        JsonElement t = vector.get("tolerance");
        return t == null || t.isJsonNull() ? null : t.getAsDouble();
    }

    static String quote(String s) {
        return Oracle.GSON.toJson(s);
    }
}
