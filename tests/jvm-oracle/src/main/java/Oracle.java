import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotlin.jvm.functions.Function1;
import org.hisp.dhis.lib.expression.Expression;
import org.hisp.dhis.lib.expression.ExpressionMode;
import org.hisp.dhis.lib.expression.spi.DataItem;
import org.hisp.dhis.lib.expression.spi.ExpressionData;
import org.hisp.dhis.lib.expression.spi.IllegalExpressionException;
import org.hisp.dhis.lib.expression.spi.Issue;
import org.hisp.dhis.lib.expression.spi.ValueType;
import org.hisp.dhis.lib.expression.spi.VariableValue;
import org.hisp.dhis.rules.api.RuleSupplementaryData;
import org.hisp.dhis.rules.engine.RuleConditionEvaluator;
import org.hisp.dhis.rules.engine.RuleEvaluationResult;
import org.hisp.dhis.rules.engine.RuleVariableValue;
import org.hisp.dhis.rules.models.Rule;
import org.hisp.dhis.rules.models.RuleAction;
import org.hisp.dhis.rules.models.RuleEffect;
import org.hisp.dhis.rules.models.RuleValueType;
import org.hisp.dhis.rules.models.TrackerObjectType;

/**
 * Reads expression cases as JSON lines on stdin and writes one JSON line per case on stdout,
 * computed by the official DHIS2 JVM libraries (expression-parser and rule-engine).
 *
 * <p>Input (the lines of shared/fixtures/rules/expression-vectors.jsonl are accepted unchanged):
 * {@code {"id", "mode", "expression", "variables", "env", "level"?, "kind"?}}.
 * Output: {@code {"id", "value": string|null, "type": string, "error": string|null}}, plus
 * {@code "issue"} for failed validations. See README.md for the field mapping.
 *
 * <p>{@code Oracle --check} instead compares each result with the case's own "expected" and
 * prints the disagreements and a count.
 */
public final class Oracle {

    static final String RULE_UID = "oracle_rule";
    static final String TARGET_UID = "oracle_target";
    /** Field given to an ASSIGN action (env.actionType = "ASSIGN"). */
    static final String ASSIGN_FIELD = "oracle_field";

    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Oracle() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--diff")) {
            System.exit(Differential.main(System.in, System.out) ? 0 : 1);
        }
        boolean check = args.length > 0 && args[0].equals("--check");
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int agree = 0;
        int disagree = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject input;
            try {
                input = JsonParser.parseString(line).getAsJsonObject();
            } catch (RuntimeException e) {
                JsonObject bad = result(JsonNull.INSTANCE, null, "input", "bad JSON line: " + e.getMessage());
                out.println(GSON.toJson(bad));
                continue;
            }
            JsonObject result = run(input);
            if (!check) {
                out.println(GSON.toJson(result));
                continue;
            }
            String why = Agreement.disagreement(input, result);
            if (why == null) {
                agree++;
            } else {
                disagree++;
                out.println(input.get("id") + "\t" + why);
            }
        }
        if (check) {
            out.println((agree + disagree) + " cases: " + agree + " agree, " + disagree + " disagree");
        }
        out.flush();
    }

    /** Evaluates one case. Never throws: failures become {"error": ...}. */
    public static JsonObject run(JsonObject c) {
        JsonElement id = c.has("id") ? c.get("id") : JsonNull.INSTANCE;
        String modeName = string(c, "mode", "RULE_ENGINE_ACTION");
        String kind = string(c, "kind", "evaluate");
        String level = string(c, "level", "expression");
        ExpressionMode mode;
        try {
            mode = ExpressionMode.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            return result(id, null, "unsupported",
                    "mode " + modeName + " is not an expression-parser mode; this oracle only runs "
                            + "org.hisp.dhis.lib.expression and org.hisp.dhis.rules");
        }
        String expression = string(c, "expression", "");
        JsonObject variables = object(c, "variables");
        JsonObject env = object(c, "env");
        try {
            switch (kind) {
                case "evaluate":
                    return level.equals("engine")
                            ? evaluateInEngine(id, mode, expression, variables, env)
                            : evaluateExpression(id, mode, expression, variables, env);
                case "validate":
                    return validate(id, mode, expression, variables);
                case "describe":
                    return result(id, new Expression(expression, mode, false)
                            .describe(stringMap(object(env, "displayNames"))), "String", null);
                case "normalise":
                    return result(id, new Expression(expression, mode, false).normalise(), "String", null);
                default:
                    return result(id, null, "unsupported", "kind " + kind + " is not supported");
            }
        } catch (Throwable t) {
            return result(id, null, t.getClass().getSimpleName(), String.valueOf(t.getMessage()));
        }
    }

    /**
     * level "expression": the raw result of {@code Expression.evaluate}, the way the rule engine
     * calls it (same ExpressionData layout), but without the engine's conversion to a string.
     */
    static JsonObject evaluateExpression(
            JsonElement id, ExpressionMode mode, String expression, JsonObject variables, JsonObject env) {
        Object value = evaluateRaw(new Expression(expression, mode, false), variables, env);
        if (value == null) {
            return result(id, null, "null", null);
        }
        return result(id, format(value), value.getClass().getSimpleName(), null);
    }

    /**
     * {@code Expression.evaluate} of an already parsed expression with the case's variables and
     * env (the layout described at {@link #evaluateExpression}); the raw Java result. Also used
     * by {@link Differential}.
     */
    static Object evaluateRaw(Expression expr, JsonObject variables, JsonObject env) {
        Map<String, VariableValue> ruleVariables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : variables.entrySet()) {
            JsonObject v = e.getValue().getAsJsonObject();
            ruleVariables.put(e.getKey(), new VariableValue(
                    ValueType.valueOf(parserType(string(v, "valueType", "STRING"))),
                    today(nullableString(v, "value")),
                    candidates(v),
                    today(nullableString(v, "eventDate"))));
        }
        ExpressionData data = new ExpressionData(
                ruleVariables,
                plainMap(object(env, "programVariableValues")),
                listMap(object(env, "supplementaryValues")),
                dataItemValues(expr, object(env, "dataItemValues")),
                plainMap(object(env, "namedValues")));
        // Same as Expression.evaluate() without arguments: an unsupported function yields null.
        Function1<String, Object> unsupported = name -> null;
        return expr.evaluate(unsupported, data);
    }

    /**
     * level "engine": one rule run through the rule engine's {@code RuleConditionEvaluator}
     * with the case's variables as the engine's value map. For RULE_ENGINE_CONDITION the
     * expression is the rule's condition and the answer is whether the rule fired; for
     * RULE_ENGINE_ACTION the rule's condition is "true" and the answer is the effect's data.
     */
    static JsonObject evaluateInEngine(
            JsonElement id, ExpressionMode mode, String expression, JsonObject variables, JsonObject env) {
        Map<String, RuleVariableValue> valueMap = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : variables.entrySet()) {
            JsonObject v = e.getValue().getAsJsonObject();
            valueMap.put(e.getKey(), new RuleVariableValue(
                    engineType(string(v, "valueType", "TEXT")),
                    today(nullableString(v, "value")),
                    candidates(v),
                    today(nullableString(v, "eventDate"))));
        }
        Map<String, List<String>> supplementary = listMap(object(env, "supplementaryValues"));
        List<String> userGroups = supplementary.getOrDefault("USER_GROUPS", List.of());
        List<String> userRoles = supplementary.getOrDefault("USER_ROLES", List.of());
        Map<String, List<String>> orgUnitGroups = new LinkedHashMap<>(supplementary);
        orgUnitGroups.remove("USER_GROUPS");
        orgUnitGroups.remove("USER_ROLES");
        RuleSupplementaryData supplementaryData =
                new RuleSupplementaryData(userGroups, userRoles, orgUnitGroups);

        boolean condition = mode == ExpressionMode.RULE_ENGINE_CONDITION;
        String actionType = string(env, "actionType", "DISPLAYTEXT");
        Map<String, String> actionValues = new HashMap<>();
        if (actionType.equals("ASSIGN")) {
            actionValues.put("field", ASSIGN_FIELD);
        }
        RuleAction action = condition
                ? new RuleAction("", "DISPLAYTEXT", Map.of())
                : new RuleAction(expression, actionType, actionValues);
        Rule rule = new Rule(condition ? expression : "true", List.of(action), RULE_UID, "oracle", null, null);

        List<RuleEvaluationResult> results = new RuleConditionEvaluator().getRuleEvaluationResults(
                TrackerObjectType.EVENT, TARGET_UID, valueMap, supplementaryData, List.of(rule));
        RuleEvaluationResult r = results.get(0);
        if (r.getError()) {
            String message = r.getRuleEffects().isEmpty() ? "" : r.getRuleEffects().get(0).getData();
            return result(id, null, "ERROR", message);
        }
        if (condition) {
            return result(id, String.valueOf(r.getEvaluatedAs()), "Boolean", null);
        }
        List<RuleEffect> effects = r.getRuleEffects();
        if (effects.isEmpty()) {
            return result(id, null, "no_effect", null);
        }
        String data = effects.get(0).getData();
        return result(id, data, data == null ? "null" : "String", null);
    }

    /** kind "validate": {@code Expression.validate} with the variables' declared value types. */
    static JsonObject validate(JsonElement id, ExpressionMode mode, String expression, JsonObject variables) {
        Expression expr = new Expression(expression, mode, false);
        Map<String, ValueType> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : variables.entrySet()) {
            types.put(e.getKey(), ValueType.valueOf(
                    parserType(string(e.getValue().getAsJsonObject(), "valueType", "STRING"))));
        }
        try {
            expr.validate(types);
            return result(id, "true", "validation", null);
        } catch (IllegalExpressionException e) {
            JsonObject out = result(id, "false", "validation", null);
            boolean isError = !e.getErrors().isEmpty();
            List<Issue> issues = isError ? e.getErrors() : e.getWarnings();
            JsonObject issue = new JsonObject();
            issue.addProperty("issue", isError ? "error" : "warning");
            if (!issues.isEmpty()) {
                issue.addProperty("position", issues.get(0).getPosition().invoke());
                issue.addProperty("message", issues.get(0).getMessage());
            } else {
                issue.addProperty("message", e.getMessage());
            }
            out.add("issue", issue);
            return out;
        }
    }

    // ---- value conversion -------------------------------------------------------------------

    /** Java's own string form; a LocalDate prints as yyyy-MM-dd. */
    static String format(Object value) {
        return value.toString();
    }

    static String parserType(String t) {
        switch (t) {
            case "NUMERIC": return "NUMBER";
            case "TEXT": return "STRING";
            default: return t;
        }
    }

    static RuleValueType engineType(String t) {
        switch (t) {
            case "NUMBER": return RuleValueType.NUMERIC;
            case "STRING": return RuleValueType.TEXT;
            default: return RuleValueType.valueOf(t);
        }
    }

    /** The vectors write "TODAY" where a test used the current date. */
    static String today(String s) {
        return "TODAY".equals(s) ? LocalDate.now().toString() : s;
    }

    static List<String> candidates(JsonObject v) {
        List<String> out = new ArrayList<>();
        JsonElement c = v.get("candidates");
        if (c != null && c.isJsonArray()) {
            for (JsonElement e : c.getAsJsonArray()) {
                out.add(e.isJsonNull() ? null : today(e.getAsString()));
            }
        }
        return out;
    }

    /**
     * dataItemValues keys are matched against the data items the parsed expression contains,
     * by {@code DataItem.toString()} or {@code DataItem.getKey()}.
     */
    static Map<DataItem, Object> dataItemValues(Expression expr, JsonObject values) {
        Map<DataItem, Object> out = new HashMap<>();
        if (values.size() == 0) {
            return out;
        }
        for (DataItem item : expr.collectDataItems()) {
            for (String key : dataItemKeys(item)) {
                JsonElement v = values.get(key);
                if (v != null) {
                    out.put(item, dataItemValue(v));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The spellings under which a data item's value may be given, e.g. for
     * {@code normDistCum(#{u1234567890})}: "#{u1234567890}.periodAggregation()" (the library's
     * own toString), "#{u1234567890} (periodAggregation)" (the vectors' notation) and
     * "#{u1234567890}".
     */
    static List<String> dataItemKeys(DataItem item) {
        String full = item.toString();
        String modifiers = item.getModifiers().toString();
        String base = !modifiers.isEmpty() && full.endsWith(modifiers)
                ? full.substring(0, full.length() - modifiers.length())
                : full;
        List<String> keys = new ArrayList<>(List.of(full, base, item.getKey()));
        if (!modifiers.isEmpty()) {
            String names = modifiers.replaceAll("\\.(\\w+)\\([^)]*\\)", ", $1").replaceFirst("^, ", "");
            keys.add(base + " (" + names + ")");
        }
        return keys;
    }

    static Object dataItemValue(JsonElement v) {
        if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            double[] d = new double[a.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = a.get(i).getAsDouble();
            }
            return d;
        }
        return plain(v);
    }

    static Object plain(JsonElement v) {
        if (v == null || v.isJsonNull()) {
            return null;
        }
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                return p.getAsDouble();
            }
            return p.getAsString();
        }
        return v.toString();
    }

    static Map<String, Object> plainMap(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }

    static Map<String, String> stringMap(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            out.put(e.getKey(), e.getValue().isJsonNull() ? null : e.getValue().getAsString());
        }
        return out;
    }

    static Map<String, List<String>> listMap(JsonObject o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            List<String> list = new ArrayList<>();
            for (JsonElement x : e.getValue().getAsJsonArray()) {
                list.add(x.isJsonNull() ? null : x.getAsString());
            }
            out.put(e.getKey(), list);
        }
        return out;
    }

    // ---- JSON helpers -------------------------------------------------------------------------

    static JsonObject result(JsonElement id, String value, String type, String error) {
        JsonObject o = new JsonObject();
        o.add("id", id);
        o.addProperty("value", value);
        o.addProperty("type", type);
        o.addProperty("error", error);
        return o;
    }

    static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    static String nullableString(JsonObject o, String key) {
        return string(o, key, null);
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }
}
