import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Android Capture app's mapping of DHIS2 metadata to rule-engine objects, ported to turn a
 * {@code program} case (tests/src/rulesets/program.rs: a program as DHIS2 metadata plus an
 * enrollment and events as stored) into a rule-set case that {@link RuleSets} evaluates. It follows
 * {@code RuleEngineExtensions.kt} of dhis2-android-capture-app (module dhis2-mobile-program-rules,
 * the version built against rule engine 3.x's two-field {@code RuleDataValue}, as in app 3.4.1):
 * <ul>
 * <li>{@code toRuleVariableList}: a variable that names a data element is kept iff that data
 * element is on the device, else one that names an attribute iff that attribute is, else only a
 * CALCULATED_VALUE; {@code toRuleVariable}: value type from the data element for the four
 * DATAELEMENT_* types, from the attribute for TEI_ATTRIBUTE (TEXT when missing), TEXT for
 * CALCULATED_VALUE; field the data element ("" when none) for DATAELEMENT_*, the attribute for
 * TEI_ATTRIBUTE, data element ?: attribute ?: "" for CALCULATED_VALUE; a stage-less
 * NEWEST_EVENT_PROGRAM_STAGE gets stage ""; options from the data element's, else the
 * attribute's, option set; {@code useCodeForOptionSet ?: false}.</li>
 * <li>{@code ProgramRuleAction.toRuleEngineObject}: per type exactly the values the app puts in,
 * and its "unsupported" actions.</li>
 * <li>{@code toRuleDataValue()}: data values unchanged; {@code toRuleAttributeValue}: numeric
 * attributes through {@code toInt()} / {@code toFloat()}, the raw value when that fails.</li>
 * <li>constants: {@code value()!!.toString()} of a Double.</li>
 * </ul>
 * Owns that port. Does not own evaluating ({@link RuleSets}) or comparing.
 */
public final class AppMapping {

    private AppMapping() {}

    /** The rule-set case for a {@code program} case: its {@code ruleSet} built as the app builds it. */
    public static JsonObject ruleSetCase(JsonObject c) {
        JsonObject md = c.getAsJsonObject("metadata");
        String program = md.getAsJsonArray("programs").get(0).getAsJsonObject().get("id").getAsString();
        Map<String, JsonObject> dataElements = byId(md, "dataElements");
        Map<String, JsonObject> attributes = byId(md, "trackedEntityAttributes");
        JsonObject out = c.deepCopy();
        out.remove("metadata");
        JsonObject set = new JsonObject();
        set.add("rules", rules(md, program));
        set.add("variables", variables(md, program, dataElements, attributes));
        JsonArray constants = new JsonArray();
        for (JsonElement k : array(md, "constants")) {
            JsonObject o = new JsonObject();
            o.addProperty("uid", str(k, "id"));
            o.addProperty("value", Double.toString(k.getAsJsonObject().get("value").getAsDouble()));
            constants.add(o);
        }
        set.add("constants", constants);
        out.add("ruleSet", set);
        JsonObject enrollment = out.getAsJsonObject("enrollment");
        JsonArray normalised = new JsonArray();
        for (JsonElement a : enrollment.getAsJsonArray("attributes")) {
            JsonArray pair = a.getAsJsonArray().deepCopy();
            JsonObject attr = attributes.get(pair.get(0).getAsString());
            if (attr != null) {
                pair.set(1, new com.google.gson.JsonPrimitive(attributeValue(str(attr, "valueType"), pair.get(1).getAsString())));
            }
            normalised.add(pair);
        }
        enrollment.add("attributes", normalised);
        return out;
    }

    /** {@code toRuleAttributeValue}: numeric attributes through Kotlin toInt() / toFloat(). */
    static String attributeValue(String valueType, String value) {
        try {
            switch (valueType) {
                case "INTEGER", "INTEGER_POSITIVE", "INTEGER_NEGATIVE", "INTEGER_ZERO_OR_POSITIVE":
                    return Integer.toString(Integer.parseInt(value));
                case "NUMBER", "UNIT_INTERVAL", "PERCENTAGE":
                    return Float.toString(Float.parseFloat(value));
                default:
                    return value;
            }
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static final Set<String> NUMERIC = Set.of("INTEGER", "INTEGER_POSITIVE", "INTEGER_NEGATIVE",
            "INTEGER_ZERO_OR_POSITIVE", "NUMBER", "UNIT_INTERVAL", "PERCENTAGE");

    /** {@code ValueType.toRuleValueType}. */
    static String ruleValueType(String valueType) {
        if (NUMERIC.contains(valueType)) {
            return "NUMERIC";
        }
        return valueType.equals("BOOLEAN") || valueType.equals("TRUE_ONLY") ? "BOOLEAN" : "TEXT";
    }

    static JsonArray variables(JsonObject md, String program, Map<String, JsonObject> des, Map<String, JsonObject> teas) {
        Map<String, List<JsonObject>> options = new HashMap<>();
        for (JsonElement o : array(md, "options")) {
            JsonObject opt = o.getAsJsonObject();
            String set = opt.has("optionSet") ? str(opt.get("optionSet"), "id") : null;
            if (set == null) {
                for (JsonElement s : array(md, "optionSets")) {
                    for (JsonElement ref : array(s.getAsJsonObject(), "options")) {
                        if (str(ref, "id").equals(str(opt, "id"))) {
                            set = str(s, "id");
                        }
                    }
                }
            }
            options.computeIfAbsent(set, k -> new java.util.ArrayList<>()).add(opt);
        }
        JsonArray out = new JsonArray();
        for (JsonElement e : array(md, "programRuleVariables")) {
            JsonObject v = e.getAsJsonObject();
            String de = ref(v, "dataElement");
            String tea = ref(v, "trackedEntityAttribute");
            String source = str(v, "programRuleVariableSourceType");
            boolean kept = de != null ? des.containsKey(de) : tea != null ? teas.containsKey(tea) : source.equals("CALCULATED_VALUE");
            if (!kept) {
                continue;
            }
            String type = switch (source) {
                case "TEI_ATTRIBUTE" -> tea != null && teas.containsKey(tea) ? ruleValueType(str(teas.get(tea), "valueType")) : "TEXT";
                case "CALCULATED_VALUE" -> "TEXT";
                default -> de != null && des.containsKey(de) ? ruleValueType(str(des.get(de), "valueType")) : "TEXT";
            };
            String field = switch (source) {
                case "TEI_ATTRIBUTE" -> tea == null ? "" : tea;
                case "CALCULATED_VALUE" -> de != null ? de : tea != null ? tea : "";
                default -> de == null ? "" : de;
            };
            JsonObject field0 = de != null ? des.get(de) : tea != null ? teas.get(tea) : null;
            String optionSet = field0 != null && field0.has("optionSet") ? str(field0.get("optionSet"), "id") : null;
            JsonArray opts = new JsonArray();
            for (JsonObject o : options.getOrDefault(optionSet, List.of())) {
                JsonObject x = new JsonObject();
                x.addProperty("code", o.has("code") ? str(o, "code") : "");
                x.addProperty("name", o.has("name") ? str(o, "name") : "");
                opts.add(x);
            }
            JsonObject r = new JsonObject();
            r.addProperty("name", str(v, "name"));
            r.addProperty("sourceType", source);
            r.addProperty("field", field);
            String stage = ref(v, "programStage");
            r.addProperty("programStage", source.equals("DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE") && stage == null ? "" : stage);
            r.addProperty("valueType", type);
            r.addProperty("useCodeForOptionSet", v.has("useCodeForOptionSet") && v.get("useCodeForOptionSet").getAsBoolean());
            r.add("options", opts);
            out.add(r);
        }
        return out;
    }

    static JsonArray rules(JsonObject md, String program) {
        Map<String, JsonObject> actions = byId(md, "programRuleActions");
        JsonArray out = new JsonArray();
        for (JsonElement e : array(md, "programRules")) {
            JsonObject r = e.getAsJsonObject();
            JsonObject rule = new JsonObject();
            rule.addProperty("uid", str(r, "id"));
            rule.addProperty("name", str(r, "name"));
            rule.addProperty("condition", r.has("condition") ? str(r, "condition") : "");
            rule.add("priority", r.get("priority"));
            rule.addProperty("programStage", ref(r, "programStage"));
            JsonArray acts = new JsonArray();
            for (JsonElement a : array(r, "programRuleActions")) {
                acts.add(action(actions.get(str(a, "id"))));
            }
            rule.add("actions", acts);
            out.add(rule);
        }
        return out;
    }

    /** {@code ProgramRuleAction.toRuleEngineObject}, as the case format writes an engine action. */
    static JsonObject action(JsonObject a) {
        String de = ref(a, "dataElement");
        String tea = ref(a, "trackedEntityAttribute");
        String field = de != null ? de : tea != null ? tea : "";
        String content = a.has("displayContent") ? str(a, "displayContent") : a.has("content") ? str(a, "content") : null;
        String data = a.has("data") ? str(a, "data") : null;
        String type = str(a, "programRuleActionType");
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("data", data);
        o.addProperty("field", "");
        o.add("priority", a.get("priority"));
        switch (type) {
            case "HIDEFIELD" -> {
                o.addProperty("data", (String) null);
                o.addProperty("field", field);
                o.addProperty("content", content);
            }
            case "DISPLAYTEXT", "DISPLAYKEYVALUEPAIR" -> {
                String location = a.has("location") ? str(a, "location") : type.equals("DISPLAYTEXT") ? "indicators" : null;
                if (location == null) {
                    return unsupported("DISPLAYKEYVALUEPAIR without location");
                }
                o.addProperty("location", location);
                o.addProperty("content", content);
            }
            case "HIDESECTION" -> {
                if (ref(a, "programStageSection") == null) {
                    return unsupported("HIDE SECTION RULE IS MISSING PROGRAM STAGE SECTION");
                }
                o.addProperty("data", (String) null);
                o.addProperty("programStageSection", ref(a, "programStageSection"));
            }
            case "HIDEPROGRAMSTAGE", "CREATEEVENT" -> {
                if (ref(a, "programStage") == null) {
                    return unsupported("RULE IS MISSING PROGRAM STAGE");
                }
                o.addProperty("programStage", ref(a, "programStage"));
                if (type.equals("CREATEEVENT")) {
                    o.addProperty("content", content);
                }
            }
            case "ASSIGN" -> {
                String raw = a.has("content") ? str(a, "content") : null;
                if (field.isEmpty() && (raw == null || raw.isEmpty())) {
                    return unsupported("ASSIGN RULE IS MISSING FIELD TO ASSIGN TO");
                }
                o.addProperty("data", data == null ? "" : data);
                o.addProperty("field", field);
                o.addProperty("content", content);
            }
            case "SHOWWARNING", "WARNINGONCOMPLETE", "SHOWERROR", "ERRORONCOMPLETE", "SETMANDATORYFIELD" -> {
                o.addProperty("field", field);
                o.addProperty("content", content);
            }
            case "HIDEOPTION" -> {
                if (ref(a, "option") == null) {
                    return unsupported("HIDE OPTION RULE IS MISSING OPTION");
                }
                o.addProperty("field", field);
                o.addProperty("option", ref(a, "option"));
                o.addProperty("content", content);
            }
            case "SHOWOPTIONGROUP", "HIDEOPTIONGROUP" -> {
                if (ref(a, "optionGroup") == null) {
                    return unsupported("OPTION GROUP RULE IS MISSING OPTION GROUP");
                }
                o.addProperty("field", field);
                o.addProperty("optionGroup", ref(a, "optionGroup"));
                o.addProperty("content", content);
            }
            default -> {
                return unsupported("UNSUPPORTED RULE ACTION TYPE");
            }
        }
        return o;
    }

    private static JsonObject unsupported(String data) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "unsupported");
        o.addProperty("data", data);
        o.addProperty("field", "");
        return o;
    }

    private static Map<String, JsonObject> byId(JsonObject md, String key) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement e : array(md, key)) {
            out.put(str(e, "id"), e.getAsJsonObject());
        }
        return out;
    }

    private static JsonArray array(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonArray() ? o.getAsJsonArray(key) : new JsonArray();
    }

    private static String ref(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonObject() ? str(o.get(key), "id") : null;
    }

    private static String str(JsonElement o, String key) {
        JsonElement e = o.getAsJsonObject().get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
