import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hisp.dhis.rules.api.RuleEngine;
import org.hisp.dhis.rules.api.RuleEngineContext;
import org.hisp.dhis.rules.api.RuleSupplementaryData;
import org.hisp.dhis.rules.models.Option;
import org.hisp.dhis.rules.models.Rule;
import org.hisp.dhis.rules.models.RuleAction;
import org.hisp.dhis.rules.models.RuleAttributeValue;
import org.hisp.dhis.rules.models.RuleDataValue;
import org.hisp.dhis.rules.models.RuleEffect;
import org.hisp.dhis.rules.models.RuleEffects;
import org.hisp.dhis.rules.models.RuleEnrollment;
import org.hisp.dhis.rules.models.RuleEnrollmentStatus;
import org.hisp.dhis.rules.models.RuleEvent;
import org.hisp.dhis.rules.models.RuleEventStatus;
import org.hisp.dhis.rules.models.RuleInstant;
import org.hisp.dhis.rules.models.RuleLocalDate;
import org.hisp.dhis.rules.models.RuleValueType;
import org.hisp.dhis.rules.models.RuleVariable;
import org.hisp.dhis.rules.models.RuleVariableAttribute;
import org.hisp.dhis.rules.models.RuleVariableCalculatedValue;
import org.hisp.dhis.rules.models.RuleVariableCurrentEvent;
import org.hisp.dhis.rules.models.RuleVariableNewestEvent;
import org.hisp.dhis.rules.models.RuleVariableNewestStageEvent;
import org.hisp.dhis.rules.models.RuleVariablePreviousEvent;

/**
 * Reads a rule-set case (the JSON of tests/src/rulesets/case.rs) into DHIS2 rule engine 3.4.1's
 * model and evaluates it through {@code RuleEngine} the way the Android app calls the engine:
 * {@code evaluate(event, enrollment, otherEvents, context)} for each event and
 * {@code evaluate(enrollment, events, context)} for the enrollment.
 *
 * <p>Engine 3.4.1 lacks three things 3.7.2 (the app's engine) does itself, so they are done here
 * before the call, as 3.7.2 does them: rules are kept per target (no stage, or the event's stage;
 * no stage for the enrollment), each rule's actions are stable-sorted by their priority (3.4.1's
 * {@code RuleAction} has none), and actions are kept per pass by {@code attributeType}.
 * 3.4.1's events carry one creation instant, so the case's {@code createdAtClient ?: created}
 * is passed; event dates become the system zone's midnight of that day.
 *
 * <p>Owns the case-to-engine mapping. Does not own comparing answers
 * ({@link RuleSetDifferences}, {@code RuleSetDifferentialTest}) or timing ({@link RuleBench}).
 */
public final class RuleSets {

    /** A case in the engine's model, with its contexts cached per pass. */
    public static final class Loaded {
        public final JsonObject json;
        public final List<Rule> rules = new ArrayList<>();
        public final List<RuleVariable> variables = new ArrayList<>();
        public final Map<String, String> constants = new LinkedHashMap<>();
        public RuleSupplementaryData supplementary;
        public RuleEnrollment enrollment;
        public final List<RuleEvent> events = new ArrayList<>();
        /** Action priorities and attribute types by action, which 3.4.1's RuleAction cannot hold. */
        final Map<RuleAction, Integer> actionPriority = new IdentityHashMap<>();
        final Map<RuleAction, String> actionAttributeType = new IdentityHashMap<>();
        private final Map<String, RuleEngineContext> contexts = new HashMap<>();

        Loaded(JsonObject json) {
            this.json = json;
        }

        public String id() {
            return json.get("id").getAsString();
        }
    }

    private static final String ENROLLMENT_PASS = "\u0000enrollment";
    private static final String ALL_PASS = "\u0000all";

    private RuleSets() {}

    public static Loaded parse(String line) {
        return load(JsonParser.parseString(line).getAsJsonObject());
    }

    public static Loaded load(JsonObject c) {
        // A program as DHIS2 metadata: the engine objects are built as the Android app builds them.
        if ("program".equals(str(c, "kind"))) {
            c = AppMapping.ruleSetCase(c);
        }
        Loaded l = new Loaded(c);
        JsonObject set = c.getAsJsonObject("ruleSet");
        for (JsonElement r : set.getAsJsonArray("rules")) {
            JsonObject o = r.getAsJsonObject();
            List<RuleAction> actions = new ArrayList<>();
            for (JsonElement a : o.getAsJsonArray("actions")) {
                actions.add(action(l, a.getAsJsonObject()));
            }
            l.rules.add(new Rule(str(o, "condition"), actions, str(o, "uid"), str(o, "name"),
                    str(o, "programStage"), integer(o, "priority")));
        }
        for (JsonElement v : set.getAsJsonArray("variables")) {
            l.variables.add(variable(v.getAsJsonObject()));
        }
        if (set.has("constants")) {
            for (JsonElement k : set.getAsJsonArray("constants")) {
                l.constants.put(str(k.getAsJsonObject(), "uid"), str(k.getAsJsonObject(), "value"));
            }
        }
        JsonObject supp = c.has("supplementary") ? c.getAsJsonObject("supplementary") : new JsonObject();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (supp.has("orgUnitGroups")) {
            for (JsonElement g : supp.getAsJsonArray("orgUnitGroups")) {
                JsonArray pair = g.getAsJsonArray();
                groups.put(pair.get(0).getAsString(), strings(pair.get(1).getAsJsonArray()));
            }
        }
        l.supplementary = new RuleSupplementaryData(
                strings(supp.getAsJsonArray("userGroups")), strings(supp.getAsJsonArray("userRoles")), groups);
        JsonElement enr = c.get("enrollment");
        if (enr != null && !enr.isJsonNull()) {
            l.enrollment = enrollment(enr.getAsJsonObject());
        }
        for (JsonElement e : c.getAsJsonArray("events")) {
            l.events.add(event(e.getAsJsonObject()));
        }
        return l;
    }

    // ---- evaluation -------------------------------------------------------------------------

    /** The effects for {@code target} (one of the case's events), with every other event as context. */
    public static List<RuleEffect> evaluateEvent(Loaded l, RuleEvent target) {
        return RuleEngine.getInstance().evaluate(target, l.enrollment, others(l, target),
                eventContext(l, target.getProgramStage()));
    }

    /** The same with {@code rules} in place of the case's. */
    public static List<RuleEffect> evaluateEvent(Loaded l, RuleEvent target, List<Rule> rules) {
        return RuleEngine.getInstance().evaluate(target, l.enrollment, others(l, target),
                buildContext(l, rules, target.getProgramStage()));
    }

    private static List<RuleEvent> others(Loaded l, RuleEvent target) {
        List<RuleEvent> others = new ArrayList<>();
        for (RuleEvent e : l.events) {
            if (!e.getEvent().equals(target.getEvent())) {
                others.add(e);
            }
        }
        return others;
    }

    /** The effects for the enrollment, with all events. */
    public static List<RuleEffect> evaluateEnrollment(Loaded l) {
        return RuleEngine.getInstance().evaluate(l.enrollment, l.events, context(l, ENROLLMENT_PASS));
    }

    /** The same with {@code rules} in place of the case's. */
    public static List<RuleEffect> evaluateEnrollment(Loaded l, List<Rule> rules) {
        return RuleEngine.getInstance().evaluate(l.enrollment, l.events, buildContext(l, rules, ENROLLMENT_PASS));
    }

    /**
     * The ERROR effects per target (uid to the failing rules' uids, then their messages), from
     * {@code evaluateAll}, which keeps them where {@code evaluate} drops them.
     */
    public static Map<String, List<RuleEffect>> errorsByTarget(Loaded l) {
        return errorsByTarget(l, l.rules);
    }

    /** The same with {@code rules} in place of the case's. */
    public static Map<String, List<RuleEffect>> errorsByTarget(Loaded l, List<Rule> rules) {
        Map<String, List<RuleEffect>> out = new HashMap<>();
        for (RuleEffects t : effectsByTarget(l, rules).values()) {
            List<RuleEffect> errors = new ArrayList<>();
            for (RuleEffect e : t.getRuleEffects()) {
                if (e.getRuleAction().getType().equals("ERROR")) {
                    errors.add(e);
                }
            }
            out.put(t.getTrackerObjectUid(), errors);
        }
        return out;
    }

    /** Every effect ({@code ERROR} ones included) per target uid, from {@code evaluateAll}. */
    public static Map<String, RuleEffects> effectsByTarget(Loaded l, List<Rule> rules) {
        Map<String, RuleEffects> out = new HashMap<>();
        RuleEngineContext ctx = rules == l.rules ? context(l, ALL_PASS) : buildContext(l, rules, ALL_PASS);
        for (RuleEffects t : RuleEngine.getInstance().evaluateAll(l.enrollment, l.events, ctx)) {
            out.put(t.getTrackerObjectUid(), t);
        }
        return out;
    }

    /** A copy of {@code a} with {@code data}, keeping its priority and attribute type. */
    public static RuleAction withData(Loaded l, RuleAction a, String data) {
        RuleAction copy = new RuleAction(data, a.getType(), a.getValues());
        l.actionPriority.put(copy, l.actionPriority.get(a));
        l.actionAttributeType.put(copy, l.actionAttributeType.get(a));
        return copy;
    }

    public static RuleEngineContext eventContext(Loaded l, String stage) {
        return context(l, stage);
    }

    /** A copy of {@code e} with data element {@code de} set to {@code value}. */
    public static RuleEvent withValue(RuleEvent e, String de, String value) {
        List<RuleDataValue> values = new ArrayList<>(e.getDataValues().size() + 1);
        boolean found = false;
        for (RuleDataValue v : e.getDataValues()) {
            if (!found && v.getDataElement().equals(de)) {
                values.add(new RuleDataValue(de, value));
                found = true;
            } else {
                values.add(v);
            }
        }
        if (!found) {
            values.add(new RuleDataValue(de, value));
        }
        return new RuleEvent(e.getEvent(), e.getProgramStage(), e.getProgramStageName(), e.getStatus(),
                e.getEventDate(), e.getCreatedDate(), e.getDueDate(), e.getCompletedDate(),
                e.getOrganisationUnit(), e.getOrganisationUnitCode(), values);
    }

    /** {"rule", "type", "field", "data"}, the shape of Phum's answer. */
    public static JsonObject effectJson(RuleEffect e) {
        JsonObject o = new JsonObject();
        o.addProperty("rule", e.getRuleId());
        o.addProperty("type", e.getRuleAction().getType());
        String field = e.getRuleAction().field();
        o.addProperty("field", field == null ? "" : field);
        o.addProperty("data", e.getData());
        return o;
    }

    /**
     * The context for one pass: a stage UID (rules without stage or of that stage, actions
     * for data elements), the enrollment pass, or every rule for {@code evaluateAll} (which
     * filters by itself); actions sorted by priority in each.
     */
    private static RuleEngineContext context(Loaded l, String pass) {
        return l.contexts.computeIfAbsent(pass, p -> buildContext(l, l.rules, p));
    }

    private static RuleEngineContext buildContext(Loaded l, List<Rule> rules, String p) {
        List<Rule> kept = new ArrayList<>();
        for (Rule r : rules) {
            boolean noStage = r.getProgramStage() == null || r.getProgramStage().isEmpty();
            boolean keep = p.equals(ALL_PASS) || (p.equals(ENROLLMENT_PASS) ? noStage
                    : noStage || r.getProgramStage().equals(p));
            if (!keep) {
                continue;
            }
            String skip = p.equals(ENROLLMENT_PASS) ? "DATA_ELEMENT"
                    : p.equals(ALL_PASS) ? null : "TRACKED_ENTITY_ATTRIBUTE";
            List<RuleAction> actions = new ArrayList<>();
            for (RuleAction a : r.getActions()) {
                if (skip == null || !skip.equals(l.actionAttributeType.get(a))) {
                    actions.add(a);
                }
            }
            actions.sort(Comparator.comparing(a -> l.actionPriority.get(a),
                    Comparator.nullsLast(Comparator.naturalOrder())));
            kept.add(new Rule(r.getCondition(), actions, r.getUid(), r.getName(), r.getProgramStage(),
                    r.getPriority()));
        }
        return new RuleEngineContext(kept, l.variables, l.supplementary, l.constants);
    }

    // ---- JSON to model ----------------------------------------------------------------------

    private static RuleAction action(Loaded l, JsonObject a) {
        Map<String, String> values = new LinkedHashMap<>();
        String field = str(a, "field");
        if (field != null && !field.isEmpty()) {
            values.put("field", field);
        }
        for (String key : List.of("content", "attributeType", "location", "programStage",
                "programStageSection", "option", "optionGroup")) {
            String v = str(a, key);
            if (v != null) {
                values.put(key, v);
            }
        }
        RuleAction action = new RuleAction(str(a, "data"), str(a, "type"), values);
        // Identity-keyed: two equal actions (a data class) may still differ in priority.
        l.actionPriority.put(action, integer(a, "priority"));
        l.actionAttributeType.put(action, str(a, "attributeType"));
        return action;
    }

    private static RuleVariable variable(JsonObject v) {
        String name = str(v, "name");
        boolean useCode = v.get("useCodeForOptionSet").getAsBoolean();
        List<Option> options = new ArrayList<>();
        if (v.has("options")) {
            for (JsonElement o : v.getAsJsonArray("options")) {
                options.add(new Option(str(o.getAsJsonObject(), "name"), str(o.getAsJsonObject(), "code")));
            }
        }
        String field = str(v, "field");
        RuleValueType type = RuleValueType.valueOf(str(v, "valueType"));
        switch (str(v, "sourceType")) {
            case "DATAELEMENT_CURRENT_EVENT":
                return new RuleVariableCurrentEvent(name, useCode, options, field, type);
            case "DATAELEMENT_NEWEST_EVENT_PROGRAM":
                return new RuleVariableNewestEvent(name, useCode, options, field, type);
            case "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE":
                return new RuleVariableNewestStageEvent(name, useCode, options, field, type, str(v, "programStage"));
            case "DATAELEMENT_PREVIOUS_EVENT":
                return new RuleVariablePreviousEvent(name, useCode, options, field, type);
            case "TEI_ATTRIBUTE":
                return new RuleVariableAttribute(name, useCode, options, field, type);
            case "CALCULATED_VALUE":
                return new RuleVariableCalculatedValue(name, useCode, options, field, type);
            default:
                throw new IllegalArgumentException("unknown source type " + str(v, "sourceType"));
        }
    }

    private static RuleEnrollment enrollment(JsonObject e) {
        List<RuleAttributeValue> attrs = new ArrayList<>();
        for (JsonElement a : e.getAsJsonArray("attributes")) {
            JsonArray pair = a.getAsJsonArray();
            attrs.add(new RuleAttributeValue(pair.get(0).getAsString(), pair.get(1).getAsString()));
        }
        return new RuleEnrollment(str(e, "uid"), str(e, "programName"), localDate(str(e, "incidentDate")),
                localDate(str(e, "enrollmentDate")), RuleEnrollmentStatus.valueOf(str(e, "status")),
                str(e, "orgUnit"), str(e, "orgUnitCode"), attrs);
    }

    private static RuleEvent event(JsonObject e) {
        List<RuleDataValue> values = new ArrayList<>();
        for (JsonElement d : e.getAsJsonArray("dataValues")) {
            JsonArray pair = d.getAsJsonArray();
            values.add(new RuleDataValue(pair.get(0).getAsString(), pair.get(1).getAsString()));
        }
        String created = str(e, "createdAtClient") != null ? str(e, "createdAtClient") : str(e, "created");
        long eventDay = LocalDate.parse(str(e, "eventDate")).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
        return new RuleEvent(str(e, "uid"), str(e, "programStage"), str(e, "programStageName"),
                RuleEventStatus.valueOf(str(e, "status")), new RuleInstant(eventDay),
                new RuleInstant(Instant.parse(created).toEpochMilli()),
                localDateOrNull(str(e, "dueDate")), localDateOrNull(str(e, "completedDate")),
                str(e, "orgUnit"), str(e, "orgUnitCode"), values);
    }

    private static RuleLocalDate localDate(String s) {
        LocalDate d = LocalDate.parse(s);
        return new RuleLocalDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static RuleLocalDate localDateOrNull(String s) {
        return s == null ? null : localDate(s);
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static Integer integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (JsonElement e : a) {
                out.add(e.getAsString());
            }
        }
        return out;
    }
}
