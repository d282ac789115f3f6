import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hisp.dhis.lib.expression.Expression;
import org.hisp.dhis.lib.expression.ExpressionMode;

/**
 * The oracle side of the differential test: evaluates each case written by Phum's
 * {@code diff_cases} generator with the official library (as {@link Oracle} does) and compares
 * the answer with Phum's own. Deliberate differences are recognised by {@link KnownDifferences}
 * only; every other difference is a failure.
 *
 * <p>Answers on both sides: {@code {"type": "Number"|"Int"|"Bool"|"Str"|"Date"|"Null", "value":
 * the engine's effect string (program-rules.md §2.9), "double": Double.toString for a Number}} or
 * {@code {"error": "parse"|"eval", ...}}. Errors agree when both sides fail in the same phase
 * (parsing or evaluating); messages are not compared.
 *
 * <p>Case kinds (field {@code case}): {@code expression}. A {@code rules} kind is to come.
 */
public final class Differential {

    private Differential() {}

    /** What became of one case. */
    enum Status { AGREE, EXPLAINED, DIFFERENT }

    record Outcome(Status status, String reason, JsonObject java) {}

    /** Counts over a run, and the unexplained differences as readable text. */
    static final class Summary {
        int total;
        int agree;
        final Map<String, Integer> explained = new TreeMap<>();
        final List<String> differences = new ArrayList<>();

        int explainedCount() {
            return explained.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return total + " cases: " + agree + " agree, "
                    + explainedCount() + " explained " + explained + ", " + differences.size() + " unexplained";
        }
    }

    /** {@code Oracle --diff}: cases on {@code in}, differences and a summary on {@code out}. */
    static boolean main(InputStream in, PrintStream out) throws IOException {
        Summary s = run(readCases(in));
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        s.differences.forEach(o::println);
        o.println(s);
        o.flush();
        return s.differences.isEmpty();
    }

    static List<JsonObject> readCases(InputStream in) throws IOException {
        List<JsonObject> cases = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
                cases.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return cases;
    }

    static Summary run(List<JsonObject> cases) {
        Summary s = new Summary();
        for (JsonObject c : cases) {
            s.total++;
            Outcome o = compare(c);
            switch (o.status()) {
                case AGREE -> s.agree++;
                case EXPLAINED -> s.explained.merge(o.reason(), 1, Integer::sum);
                case DIFFERENT -> s.differences.add(describe(c, o));
            }
        }
        return s;
    }

    static Outcome compare(JsonObject c) {
        String kind = Oracle.string(c, "case", "");
        if (!kind.equals("expression")) {
            return new Outcome(Status.DIFFERENT, "unknown case kind '" + kind + "'", new JsonObject());
        }
        JsonObject phum = c.getAsJsonObject("phum");
        JsonObject java = evaluate(c);
        if (same(phum, java)) {
            return new Outcome(Status.AGREE, null, java);
        }
        String reason = KnownDifferences.explain(c, phum, java);
        return reason != null
                ? new Outcome(Status.EXPLAINED, reason, java)
                : new Outcome(Status.DIFFERENT, null, java);
    }

    /** The library's answer, in the same shape as Phum's. */
    static JsonObject evaluate(JsonObject c) {
        JsonObject out = new JsonObject();
        Expression expr;
        try {
            ExpressionMode mode = ExpressionMode.valueOf(Oracle.string(c, "mode", "RULE_ENGINE_ACTION"));
            expr = new Expression(Oracle.string(c, "expression", ""), mode, false);
        } catch (Throwable t) {
            return error("parse", t);
        }
        JsonObject env = new JsonObject();
        env.add("supplementaryValues", Oracle.object(c, "supplementary"));
        Object value;
        try {
            value = Oracle.evaluateRaw(expr, Oracle.object(c, "variables"), env);
        } catch (Throwable t) {
            return error("eval", t);
        }
        if (value == null) {
            out.addProperty("type", "Null");
            out.add("value", null);
        } else if (value instanceof Double d) {
            out.addProperty("type", "Number");
            // The engine's convertInteger: a whole double becomes an Int (saturating).
            out.addProperty("value", d % 1 == 0 ? String.valueOf((int) d.doubleValue()) : d.toString());
            out.addProperty("double", d.toString());
        } else if (value instanceof Integer) {
            out.addProperty("type", "Int");
            out.addProperty("value", value.toString());
        } else if (value instanceof Boolean) {
            out.addProperty("type", "Bool");
            out.addProperty("value", value.toString());
        } else if (value instanceof String) {
            out.addProperty("type", "Str");
            out.addProperty("value", value.toString());
        } else if (value.getClass().getSimpleName().equals("LocalDate")) {
            out.addProperty("type", "Date");
            out.addProperty("value", value.toString());
        } else {
            out.addProperty("type", "Other:" + value.getClass().getName());
            out.addProperty("value", value.toString());
        }
        return out;
    }

    static JsonObject error(String phase, Throwable t) {
        JsonObject out = new JsonObject();
        out.addProperty("error", phase);
        out.addProperty("exception", t.getClass().getSimpleName());
        String message = String.valueOf(t.getMessage());
        out.addProperty("detail", message.split("\n", 2)[0]);
        return out;
    }

    /** Same result type and text, or both failed in the same phase. */
    static boolean same(JsonObject phum, JsonObject java) {
        String pe = Oracle.nullableString(phum, "error");
        String je = Oracle.nullableString(java, "error");
        if (pe != null || je != null) {
            return pe != null && pe.equals(je);
        }
        return Oracle.string(phum, "type", "").equals(Oracle.string(java, "type", ""))
                && eq(Oracle.nullableString(phum, "value"), Oracle.nullableString(java, "value"))
                && eq(Oracle.nullableString(phum, "double"), Oracle.nullableString(java, "double"));
    }

    static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** One difference, readable: the case, the variables it names, both answers. */
    static String describe(JsonObject c, Outcome o) {
        if (o.reason() != null) {
            return "case " + c.get("id") + ": " + o.reason();
        }
        String expression = Oracle.string(c, "expression", "");
        JsonObject used = new JsonObject();
        for (Map.Entry<String, JsonElement> e : Oracle.object(c, "variables").entrySet()) {
            if (expression.contains(e.getKey())) {
                used.add(e.getKey(), e.getValue());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("case ").append(c.get("id")).append(": ").append(expression).append('\n');
        b.append("    variables: ").append(Oracle.GSON.toJson(used)).append('\n');
        if (expression.contains("Group") || expression.contains("UserRole")) {
            b.append("    supplementary: ").append(Oracle.GSON.toJson(Oracle.object(c, "supplementary"))).append('\n');
        }
        JsonArray touches = c.has("touches") ? c.getAsJsonArray("touches") : new JsonArray();
        if (!touches.isEmpty()) {
            b.append("    touches: ").append(touches).append('\n');
        }
        b.append("    phum: ").append(Oracle.GSON.toJson(c.get("phum"))).append('\n');
        b.append("    jvm:  ").append(Oracle.GSON.toJson(o.java()));
        return b.toString();
    }
}
