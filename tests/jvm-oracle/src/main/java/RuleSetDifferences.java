import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.hisp.dhis.rules.models.Rule;
import org.hisp.dhis.rules.models.RuleAction;
import org.hisp.dhis.rules.models.RuleEffect;
import org.hisp.dhis.rules.models.RuleEffects;
import org.hisp.dhis.rules.models.RuleEvent;

/**
 * Compares Phum's answer in a rule-set case with DHIS2 rule engine 3.4.1's, target by target
 * (effects in order: rule, action type, field, data; and the rules that failed), and is the one
 * place that decides whether a difference is a known, deliberate one. Every reason used here is
 * listed in tests/jvm-oracle/KNOWN_DIFFERENCES.md, section "Whole rule sets".
 *
 * <p>Owns comparing and classifying. Does not own reading cases into the engine
 * ({@link RuleSets}) or expression-level differences ({@link KnownDifferences}).
 * {@code java -cp ... RuleSetDifferences < cases.jsonl} prints every difference.
 */
public final class RuleSetDifferences {

    /** How one target compared. */
    public enum Status { AGREE, EXPLAINED, UNEXPLAINED }

    /** One target's comparison: {@code reason} for EXPLAINED, {@code detail} for the others. */
    public static final class Outcome {
        public final String caseId;
        public final String target;
        public final Status status;
        public final String reason;
        public final String detail;
        public final int effects;

        Outcome(String caseId, String target, Status status, String reason, String detail, int effects) {
            this.caseId = caseId;
            this.target = target;
            this.status = status;
            this.reason = reason;
            this.detail = detail;
            this.effects = effects;
        }

        @Override
        public String toString() {
            return caseId + " " + target + ": " + status + (reason == null ? "" : " (" + reason + ")")
                    + (detail == null ? "" : "\n" + detail);
        }
    }

    private RuleSetDifferences() {}

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<Status, Integer> counts = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            for (Outcome o : compare(RuleSets.parse(line))) {
                counts.merge(o.status, 1, Integer::sum);
                if (o.status != Status.AGREE) {
                    System.out.println(o);
                }
            }
        }
        System.out.println(counts);
    }

    /** Every target of the case, compared. A case Phum could not run is one UNEXPLAINED outcome. */
    public static List<Outcome> compare(RuleSets.Loaded l) {
        List<Outcome> out = new ArrayList<>();
        JsonObject phum = l.json.getAsJsonObject("phum");
        if (phum == null || phum.has("broken")) {
            out.add(new Outcome(l.id(), "-", Status.UNEXPLAINED, null,
                    "Phum could not run the case: " + (phum == null ? "no answer" : phum.get("broken")), 0));
            return out;
        }
        Map<String, List<RuleEffect>> jvmErrors = RuleSets.errorsByTarget(l);
        Map<String, JsonObject> phumTargets = new LinkedHashMap<>();
        for (JsonElement t : phum.getAsJsonArray("targets")) {
            phumTargets.put(t.getAsJsonObject().get("kind").getAsString() + ":" + t.getAsJsonObject().get("uid").getAsString(),
                    t.getAsJsonObject());
        }
        for (RuleEvent e : l.events) {
            out.add(compareTarget(l, "EVENT:" + e.getEvent(), phumTargets.get("EVENT:" + e.getEvent()),
                    RuleSets.evaluateEvent(l, e), jvmErrors.getOrDefault(e.getEvent(), List.of())));
        }
        if (l.enrollment != null) {
            String uid = l.enrollment.getEnrollment();
            out.add(compareTarget(l, "ENROLLMENT:" + uid, phumTargets.get("ENROLLMENT:" + uid),
                    RuleSets.evaluateEnrollment(l), jvmErrors.getOrDefault(uid, List.of())));
        }
        return out;
    }

    static Outcome compareTarget(RuleSets.Loaded l, String target, JsonObject phum, List<RuleEffect> jvm,
            List<RuleEffect> jvmErrors) {
        if (phum == null) {
            return new Outcome(l.id(), target, Status.UNEXPLAINED, null, "Phum has no answer for this target", 0);
        }
        JsonArray jvmEffects = new JsonArray();
        for (RuleEffect e : jvm) {
            jvmEffects.add(RuleSets.effectJson(e));
        }
        JsonArray phumEffects = phum.getAsJsonArray("effects");
        List<String> jvmErrorRules = new ArrayList<>();
        for (RuleEffect e : jvmErrors) {
            jvmErrorRules.add(e.getRuleId());
        }
        List<String> phumErrorRules = RuleSets.strings(phum.getAsJsonArray("errorRules"));
        if (phumEffects.equals(jvmEffects) && phumErrorRules.equals(jvmErrorRules)) {
            return new Outcome(l.id(), target, Status.AGREE, null, null, jvmEffects.size());
        }
        StringBuilder detail = new StringBuilder();
        int n = Math.max(phumEffects.size(), jvmEffects.size());
        for (int i = 0; i < n; i++) {
            JsonElement p = i < phumEffects.size() ? phumEffects.get(i) : null;
            JsonElement j = i < jvmEffects.size() ? jvmEffects.get(i) : null;
            if (p == null || !p.equals(j)) {
                detail.append("  effect ").append(i).append(": phum ").append(p).append("\n")
                        .append("  effect ").append(i).append(": jvm  ").append(j).append("\n");
            }
        }
        if (!phumErrorRules.equals(jvmErrorRules)) {
            detail.append("  errors: phum ").append(phumErrorRules).append(" ").append(phum.get("errorMessages"))
                    .append("\n  errors: jvm  ");
            for (RuleEffect e : jvmErrors) {
                detail.append(e.getRuleId()).append(" ").append(e.getData()).append("; ");
            }
            detail.append("\n");
        }
        String reason = explain(l, target, phum, phumEffects, jvmEffects, phumErrorRules, jvmErrors);
        return new Outcome(l.id(), target, reason == null ? Status.UNEXPLAINED : Status.EXPLAINED, reason,
                detail.toString(), jvmEffects.size());
    }

    /** Known reason 1: equality between a number and a boolean or a non-numeric text. */
    static final String MIXED_EQUALITY = "1. == / != between a number and a boolean or non-numeric text: parser 1.3.0 "
            + "throws or compares otherwise; 1.4.x (the app's) answers false";
    /** Known reason 2: == / != with a UID-shaped name on one side and an empty variable on either. */
    static final String EMPTY_ITEM_EQUALITY = "2. parser 1.3.0 fails == / != that has a UID-shaped name "
            + "(#{Abcdefghijk}) on one side and an empty variable ('Failed to coerce value null'); Phum uses the "
            + "type's default as for any other comparison";
    /** Known reason 3: d2:minutesBetween. */
    static final String MINUTES_BETWEEN = "3. d2:minutesBetween is unknown in parser 1.3.0's rule modes; 1.4.x has it";

    private static final Pattern UID_ITEM = Pattern.compile("^[#A]\\{[A-Za-z][A-Za-z0-9]{10}\\}$");

    /**
     * The known reason for a target's difference, or null. The case's {@code sites} (every
     * {@code ==}, {@code !=} and {@code d2:minutesBetween} of its rules) only say where to look;
     * the oracle decides:
     * <ol>
     * <li>Probe rules evaluate each site and its two sides at its rule's place, in the oracle and
     * (already, in the case) in Phum. A site <em>shows</em> a documented class when the oracle's
     * own probe does: it throws NumberFormatException or "Could not coerce Double" on the
     * comparison (class 1), "Failed to coerce value 'null'" with a UID-shaped side (class 2), or
     * does not know d2:minutesBetween (class 3); or it answers the comparison otherwise than Phum
     * while its own probes of the two sides are a number and a boolean or non-numeric text (class
     * 1). Where the sides' probes give that shape, Phum's answer must be parser 1.4's for them.</li>
     * <li>At least one showing site's rule must come, in evaluation order, no later than the first
     * place where the answers part; it names the reason.</li>
     * <li>The oracle then runs the target again with every showing site (wherever it is) replaced
     * by Phum's answer for it, every other part unchanged; the difference is explained only if the oracle then
     * answers exactly as Phum (effects and failing rules).</li>
     * </ol>
     */
    static String explain(RuleSets.Loaded l, String target, JsonObject phumTarget, JsonArray phumEffects,
            JsonArray jvmEffects, List<String> phumErrorRules, List<RuleEffect> jvmErrors) {
        Map<String, Integer> position = evaluationOrder(l);
        int firstDifference = firstDifference(position, phumEffects, jvmEffects, phumErrorRules, jvmErrors);
        JsonArray sites = l.json.has("sites") ? l.json.getAsJsonArray("sites") : new JsonArray();
        JsonObject phumProbes = phumTarget.has("probes") ? phumTarget.getAsJsonObject("probes") : new JsonObject();
        Map<String, String> jvmProbes = null;
        Map<Integer, String> shown = new LinkedHashMap<>();
        String reason = null;
        int earliest = Integer.MAX_VALUE;
        for (JsonElement e : sites) {
            JsonObject site = e.getAsJsonObject();
            int at = position.getOrDefault(RuleSets.str(site, "rule"), Integer.MAX_VALUE);
            if (jvmProbes == null) {
                jvmProbes = probes(l, target.substring(target.indexOf(':') + 1));
            }
            String why = shows(site, jvmProbes, phumProbes);
            if (why != null) {
                shown.put(site.get("id").getAsInt(), phumValue(site, phumProbes));
                if (at <= firstDifference && at < earliest) {
                    earliest = at;
                    reason = why;
                }
            }
        }
        if (reason == null) {
            return null;
        }
        return agreesWithout(l, target, shown, phumEffects, phumErrorRules) ? reason : null;
    }

    static int firstDifference(Map<String, Integer> position, JsonArray phumEffects, JsonArray jvmEffects,
            List<String> phumErrorRules, List<RuleEffect> jvmErrors) {
        int firstDifference = Integer.MAX_VALUE;
        int n = Math.max(phumEffects.size(), jvmEffects.size());
        for (int i = 0; i < n; i++) {
            JsonElement p = i < phumEffects.size() ? phumEffects.get(i) : null;
            JsonElement j = i < jvmEffects.size() ? jvmEffects.get(i) : null;
            if (p != null && p.equals(j)) {
                continue;
            }
            for (JsonElement e : new JsonElement[] {p, j}) {
                if (e != null) {
                    firstDifference = Math.min(firstDifference,
                            position.getOrDefault(e.getAsJsonObject().get("rule").getAsString(), -1));
                }
            }
            break;
        }
        List<String> jvmErrorRules = new ArrayList<>();
        for (RuleEffect e : jvmErrors) {
            jvmErrorRules.add(e.getRuleId());
        }
        for (String uid : symmetricDifference(phumErrorRules, jvmErrorRules)) {
            firstDifference = Math.min(firstDifference, position.getOrDefault(uid, -1));
        }
        return firstDifference;
    }

    /** The documented class the oracle's probes of {@code site} show, or null. */
    static String shows(JsonObject site, Map<String, String> jvm, JsonObject phum) {
        int id = site.get("id").getAsInt();
        String e = jvm.get(probeUid(id, "e"));
        if (RuleSets.str(site, "kind").equals("minutesBetween")) {
            return e != null && e.startsWith(ERROR) && e.contains("Unknown function or constant")
                    && e.contains("minutesBetween") ? MINUTES_BETWEEN : null;
        }
        String phumE = phumValue(site, phum);
        if (phumE == null) {
            return null;
        }
        Boolean expected = equality14(jvm.get(probeUid(id, "l")), jvm.get(probeUid(id, "r")), RuleSets.str(site, "op"));
        if (e != null && e.startsWith(ERROR) && e.contains("Unknown function or constant") && e.contains("minutesBetween")
                && RuleSets.str(site, "text").contains("d2:minutesBetween(")) {
            // The oracle cannot evaluate the d2:minutesBetween inside (class 3, which the caller
            // replaces too); whether 1.4 then compares as Phum did is read from Phum's own sides.
            Boolean phum14 = equality14(phumProbe(phum, id, "l"), phumProbe(phum, id, "r"), RuleSets.str(site, "op"));
            return phum14 != null && phum14.toString().equals(phumE) ? MINUTES_BETWEEN : null;
        }
        if (expected != null && !expected.toString().equals(phumE)) {
            return null;
        }
        if (e != null && e.startsWith(ERROR)) {
            boolean coercion = e.contains("For input string") || e.endsWith("empty String")
                    || e.contains("Could not coerce Double") || e.contains("Failed to coerce value 'null'");
            if (coercion && expected != null) {
                return MIXED_EQUALITY;
            }
            boolean uidSide = UID_ITEM.matcher(RuleSets.str(site, "left")).matches()
                    || UID_ITEM.matcher(RuleSets.str(site, "right")).matches();
            return uidSide && e.contains("Failed to coerce value 'null'") ? EMPTY_ITEM_EQUALITY : null;
        }
        return expected != null && !phumE.equals(e) ? MIXED_EQUALITY : null;
    }

    private static String phumProbe(JsonObject phum, int id, String part) {
        JsonElement v = phum.get(probeUid(id, part));
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }

    /** Phum's probe of the site: "true" or "false", or null when it failed or is missing. */
    static String phumValue(JsonObject site, JsonObject phum) {
        JsonElement v = phum.get(probeUid(site.get("id").getAsInt(), "e"));
        return v == null || v.isJsonNull() ? null : v.getAsString();
    }

    /**
     * Parser 1.4's answer for sides probed as {@code a} and {@code b} (effect texts), when one is a
     * number and the other a boolean or a non-numeric text (research/program-rules.md §2.6: both
     * through toNumber, false when one fails); null for any other shape.
     */
    static Boolean equality14(String a, String b, String op) {
        if (a == null || b == null || a.startsWith(ERROR) || b.startsWith(ERROR)) {
            return null;
        }
        Double x = number(a);
        Double y = number(b);
        boolean shape = (x != null && y == null) || (y != null && x == null);
        if (!shape) {
            return null;
        }
        Double nx = x != null ? x : bool(a);
        Double ny = y != null ? y : bool(b);
        boolean equal = nx != null && ny != null && nx.doubleValue() == ny.doubleValue();
        return op.equals("==") ? equal : !equal;
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double bool(String s) {
        return s.equals("true") ? Double.valueOf(1.0) : s.equals("false") ? Double.valueOf(0.0) : null;
    }

    static final String ERROR = "ERROR: ";

    static String probeUid(int id, String part) {
        return "Probe" + id + part;
    }

    /**
     * The oracle's probes for one target: probe uid to the effect's data, or {@code ERROR: } and
     * the message when the probe failed. The probes stand just before the rule they probe, with
     * its stage and priority, as tests/src/rulesets/sites.rs places them for Phum.
     */
    static Map<String, String> probes(RuleSets.Loaded l, String targetUid) {
        Map<String, List<String[]>> byRule = new HashMap<>();
        for (JsonElement e : l.json.getAsJsonArray("sites")) {
            JsonObject site = e.getAsJsonObject();
            int id = site.get("id").getAsInt();
            List<String[]> list = byRule.computeIfAbsent(RuleSets.str(site, "rule"), k -> new ArrayList<>());
            list.add(new String[] {probeUid(id, "e"), RuleSets.str(site, "text")});
            if (site.has("left")) {
                list.add(new String[] {probeUid(id, "l"), RuleSets.str(site, "left")});
                list.add(new String[] {probeUid(id, "r"), RuleSets.str(site, "right")});
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule r : l.rules) {
            for (String[] probe : byRule.getOrDefault(r.getUid(), List.of())) {
                rules.add(new Rule("true", List.of(new RuleAction(probe[1], "DISPLAYTEXT", Map.of())), probe[0],
                        probe[0], r.getProgramStage(), r.getPriority()));
            }
            rules.add(r);
        }
        Map<String, String> out = new HashMap<>();
        RuleEffects effects = RuleSets.effectsByTarget(l, rules).get(targetUid);
        if (effects != null) {
            for (RuleEffect e : effects.getRuleEffects()) {
                if (e.getRuleId().startsWith("Probe")) {
                    boolean error = e.getRuleAction().getType().equals("ERROR");
                    out.put(e.getRuleId(), error ? ERROR + e.getData() : e.getData() == null ? "" : e.getData());
                }
            }
        }
        return out;
    }

    /**
     * Whether the oracle answers {@code target} exactly as Phum once each site in {@code shown}
     * is replaced by Phum's answer for it (an expression that fails when Phum's probe failed).
     */
    static boolean agreesWithout(RuleSets.Loaded l, String target, Map<Integer, String> shown, JsonArray phumEffects,
            List<String> phumErrorRules) {
        Map<String, String> texts = new HashMap<>();
        for (JsonElement e : l.json.getAsJsonArray("sites")) {
            JsonObject site = e.getAsJsonObject();
            int id = site.get("id").getAsInt();
            String replacement = shown.containsKey(id)
                    ? (shown.get(id) == null ? "#{phum probe failed}" : phumLiteral(site, shown.get(id)))
                    : RuleSets.str(site, "inner");
            texts.put("§" + id + "§", replacement);
        }
        Map<String, JsonObject> templates = new HashMap<>();
        for (JsonElement e : l.json.getAsJsonArray("templates")) {
            templates.put(RuleSets.str(e.getAsJsonObject(), "rule"), e.getAsJsonObject());
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule r : l.rules) {
            JsonObject t = templates.get(r.getUid());
            if (t == null) {
                rules.add(r);
                continue;
            }
            List<RuleAction> actions = new ArrayList<>();
            JsonArray data = t.getAsJsonArray("actions");
            for (int i = 0; i < r.getActions().size(); i++) {
                RuleAction a = r.getActions().get(i);
                JsonElement d = data.get(i);
                actions.add(d.isJsonNull() ? a : RuleSets.withData(l, a, fill(d.getAsString(), texts)));
            }
            rules.add(new Rule(fill(RuleSets.str(t, "condition"), texts), actions, r.getUid(), r.getName(),
                    r.getProgramStage(), r.getPriority()));
        }
        String uid = target.substring(target.indexOf(':') + 1);
        List<RuleEffect> effects = null;
        for (RuleEvent e : l.events) {
            if (e.getEvent().equals(uid) && target.startsWith("EVENT:")) {
                effects = RuleSets.evaluateEvent(l, e, rules);
            }
        }
        if (effects == null) {
            effects = RuleSets.evaluateEnrollment(l, rules);
        }
        JsonArray jvm = new JsonArray();
        for (RuleEffect e : effects) {
            jvm.add(RuleSets.effectJson(e));
        }
        List<String> errors = new ArrayList<>();
        for (RuleEffect e : RuleSets.errorsByTarget(l, rules).getOrDefault(uid, List.of())) {
            errors.add(e.getRuleId());
        }
        return jvm.equals(phumEffects) && errors.equals(phumErrorRules);
    }

    private static String phumLiteral(JsonObject site, String value) {
        return RuleSets.str(site, "kind").equals("equality") ? value : "(" + value + ")";
    }

    private static String fill(String template, Map<String, String> texts) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf('§', i);
            if (start < 0) {
                b.append(template, i, template.length());
                break;
            }
            int end = template.indexOf('§', start + 1);
            b.append(template, i, start);
            String key = template.substring(start, end + 1);
            // A site left in place is written with the sites inside it, which may be replaced.
            b.append(texts.containsKey(key) ? fill(texts.get(key), texts) : key);
            i = end + 1;
        }
        return b.toString();
    }

    /** Rule uid to its place in the engine's order (stable by priority, null priorities last). */
    static Map<String, Integer> evaluationOrder(RuleSets.Loaded l) {
        List<org.hisp.dhis.rules.models.Rule> sorted = new ArrayList<>(l.rules);
        sorted.sort(null);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.putIfAbsent(sorted.get(i).getUid(), i);
        }
        return out;
    }

    static List<String> symmetricDifference(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        List<String> rest = new ArrayList<>(b);
        for (String x : a) {
            if (!rest.remove(x)) {
                out.add(x);
            }
        }
        out.addAll(rest);
        return out;
    }
}
