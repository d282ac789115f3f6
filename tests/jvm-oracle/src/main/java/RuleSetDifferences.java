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
import java.util.Map;
import org.hisp.dhis.rules.models.RuleEffect;
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
        JsonArray touches = phum.has("touches") ? phum.getAsJsonArray("touches") : new JsonArray();
        String reason = explain(l, phumEffects, jvmEffects, phumErrorRules, jvmErrors, touches);
        return new Outcome(l.id(), target, reason == null ? Status.UNEXPLAINED : Status.EXPLAINED, reason,
                detail.toString(), jvmEffects.size());
    }

    /** Known reason: equality between a number and a non-numeric string. */
    static final String MIXED_EQUALITY = "== / != between a number and a boolean or non-numeric text: parser 1.3.0 "
            + "throws or compares otherwise; 1.4.x (the app's) answers false";
    /** Known reason: == / != with a UID-shaped name on one side and an empty variable on either. */
    static final String EMPTY_ITEM_EQUALITY = "parser 1.3.0 fails == / != that has a UID-shaped name "
            + "(#{Abcdefghijk}) on one side and an empty variable on either ('Failed to coerce value null to "
            + "Boolean'); Phum uses the type's default as for any other comparison";
    /** Known reason: d2:minutesBetween. */
    static final String MINUTES_BETWEEN = "d2:minutesBetween is unknown in parser 1.3.0's rule modes; 1.4.x has it";

    /**
     * The known reason for a target's difference, or null. A difference is explained when a rule
     * that meets a known parser 1.3.0 / 1.4.x difference comes, in evaluation order, no later than
     * the first place where the answers part (effect position or error list): everything after
     * such a rule may differ, because its effects and ASSIGNs differ. A rule meets one when Phum
     * marks it ({@code touches}: operands of == / != that are a number and a boolean or
     * non-numeric text, or read a calculated value; a UID-shaped name on one side and an empty
     * variable on either; d2:minutesBetween), or when the JVM engine
     * fails it for such a reason (its error message and the rule's text both show it).
     */
    static String explain(RuleSets.Loaded l, JsonArray phumEffects, JsonArray jvmEffects, List<String> phumErrorRules,
            List<RuleEffect> jvmErrors, JsonArray touches) {
        Map<String, Integer> position = evaluationOrder(l);
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
        String reason = null;
        int earliest = Integer.MAX_VALUE;
        for (JsonElement t : touches) {
            String what = t.getAsJsonObject().get("what").getAsString();
            int at = position.getOrDefault(t.getAsJsonObject().get("rule").getAsString(), Integer.MAX_VALUE);
            String why = what.equals("equality-1.4") ? MIXED_EQUALITY
                    : what.equals("minutesBetween-1.3.1") ? MINUTES_BETWEEN
                    : what.equals("empty-uid-item-equality-1.3") ? EMPTY_ITEM_EQUALITY : null;
            if (why != null && at < earliest) {
                earliest = at;
                reason = why;
            }
        }
        for (RuleEffect e : jvmErrors) {
            String why = knownCause(l, e);
            int at = position.getOrDefault(e.getRuleId(), Integer.MAX_VALUE);
            if (why != null && at < earliest) {
                earliest = at;
                reason = why;
            }
        }
        return earliest <= firstDifference ? reason : null;
    }

    /** The known reason behind one of the JVM's ERROR effects, or null. */
    static String knownCause(RuleSets.Loaded l, RuleEffect error) {
        String message = error.getData() == null ? "" : error.getData();
        String text = ruleText(l, error.getRuleId());
        boolean numberFormat = message.endsWith("raised an unexpected exception: empty String")
                || message.contains("raised an unexpected exception: For input string: ");
        if (numberFormat && (text.contains("==") || text.contains("!="))) {
            return MIXED_EQUALITY;
        }
        if (message.contains("Unknown function or constant") && message.contains("minutesBetween")
                && text.contains("d2:minutesBetween")) {
            return MINUTES_BETWEEN;
        }
        return null;
    }

    /** The rule's condition and the data of its actions. */
    static String ruleText(RuleSets.Loaded l, String uid) {
        StringBuilder b = new StringBuilder();
        for (org.hisp.dhis.rules.models.Rule r : l.rules) {
            if (r.getUid().equals(uid)) {
                b.append(r.getCondition()).append('\n');
                for (org.hisp.dhis.rules.models.RuleAction a : r.getActions()) {
                    b.append(a.getData()).append('\n');
                }
            }
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
