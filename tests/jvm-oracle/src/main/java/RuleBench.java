import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hisp.dhis.rules.api.RuleEngine;
import org.hisp.dhis.rules.api.RuleEngineContext;
import org.hisp.dhis.rules.models.RuleEffect;
import org.hisp.dhis.rules.models.RuleEvent;

/**
 * Times DHIS2 rule engine 3.4.1 on the rule-set case files that {@code bench_rules} times Phum
 * on: each iteration sets the case's bench field of the target event to the next value and
 * evaluates that event with {@code RuleEngine.evaluate(event, enrollment, otherEvents, context)},
 * the app's call (the context is built once, as the app caches it). After a warm-up of at least
 * 2,000 evaluations for the JIT, prints one JSON line per file:
 * {@code {"program", "iterations", "jvmMedianMicros", "jvmP95Micros"}}.
 *
 * <p>Usage: {@code RuleBench [--iterations N] FILE...}. Owns timing only; reading cases is
 * {@link RuleSets}.
 */
public final class RuleBench {

    private RuleBench() {}

    public static void main(String[] args) throws IOException {
        int iterations = 5_000;
        int i = 0;
        if (args.length > 1 && args[0].equals("--iterations")) {
            iterations = Integer.parseInt(args[1]);
            i = 2;
        }
        for (; i < args.length; i++) {
            System.out.println(bench(Path.of(args[i]), iterations));
        }
    }

    static String bench(Path file, int iterations) throws IOException {
        String line = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        RuleSets.Loaded l = RuleSets.parse(line);
        JsonObject spec = l.json.getAsJsonObject("bench");
        String eventUid = spec.get("event").getAsString();
        String field = spec.get("field").getAsString();
        List<String> values = RuleSets.strings(spec.getAsJsonArray("values"));
        RuleEvent target = l.events.stream().filter(e -> e.getEvent().equals(eventUid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": no event " + eventUid));
        List<RuleEvent> others = l.events.stream().filter(e -> !e.getEvent().equals(eventUid)).toList();
        RuleEngineContext context = RuleSets.eventContext(l, target.getProgramStage());
        RuleEngine engine = RuleEngine.getInstance();
        int sink = 0;
        int warmUp = Math.max(2_000, iterations);
        for (int k = 0; k < warmUp; k++) {
            sink += run(engine, target, field, values.get(k % values.size()), l, others, context).size();
        }
        long[] nanos = new long[iterations];
        for (int k = 0; k < iterations; k++) {
            long start = System.nanoTime();
            sink += run(engine, target, field, values.get(k % values.size()), l, others, context).size();
            nanos[k] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        JsonObject out = new JsonObject();
        out.addProperty("program", l.json.get("kind").getAsString());
        out.addProperty("iterations", iterations);
        out.addProperty("jvmMedianMicros", nanos[iterations / 2] / 1000.0);
        out.addProperty("jvmP95Micros", nanos[Math.min(iterations - 1, iterations * 95 / 100)] / 1000.0);
        out.addProperty("effectsSeen", sink);
        return out.toString();
    }

    private static List<RuleEffect> run(RuleEngine engine, RuleEvent target, String field, String value,
            RuleSets.Loaded l, List<RuleEvent> others, RuleEngineContext context) {
        return engine.evaluate(RuleSets.withValue(target, field, value), l.enrollment, others, context);
    }
}
