import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The differential test: Phum's Rust generator ({@code target/debug/diff_cases}, built by
 * scripts/test before Maven runs) writes random expression cases with Phum's own answers; the
 * official library answers each; every difference not listed in KNOWN_DIFFERENCES.md fails.
 * The seed is fixed; {@code PHUM_DIFF_SEED} overrides it.
 */
class DifferentialTest {

    static final long DEFAULT_SEED = 20_261_202L;
    static final int COUNT = 20_000;

    @Test
    void phumAgreesWithTheJvmEngineOnRandomExpressions() throws Exception {
        String override = System.getenv("PHUM_DIFF_SEED");
        long seed = override == null || override.isBlank() ? DEFAULT_SEED : Long.parseLong(override.trim());
        Path generator = generatorBinary();
        Path cases = Files.createTempFile("phum-diff-cases", ".jsonl");
        try {
            Process p = new ProcessBuilder(generator.toString(), "--seed", Long.toString(seed),
                    "--count", Integer.toString(COUNT), "--out", cases.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "diff_cases did not finish");
            assertEquals(0, p.exitValue(), () -> "diff_cases failed: " + output);
            List<JsonObject> all;
            try (InputStream in = Files.newInputStream(cases)) {
                all = Differential.readCases(in);
            }
            assertEquals(COUNT, all.size());
            Differential.Summary s = Differential.run(all);
            System.out.println("differential test, seed " + seed + ": " + s);
            assertTrue(s.differences.isEmpty(), () -> "seed " + seed + " (set PHUM_DIFF_SEED=" + seed
                    + " to rerun): " + s + "\n" + String.join("\n", s.differences));
            // A generator that only produced failures would make the test pass for nothing.
            assertTrue(s.agree >= COUNT * 0.8, () -> "too few agreeing cases: " + s);
        } finally {
            Files.deleteIfExists(cases);
        }
    }

    static Path generatorBinary() {
        return CargoBinaries.debugBinary("diff_cases");
    }

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    static JsonObject expressionCase(String expression, String touches, String phum) {
        return json("{\"id\": 1, \"case\": \"expression\", \"mode\": \"RULE_ENGINE_ACTION\", \"expression\": "
                + Oracle.GSON.toJson(expression) + ", \"variables\": {}, \"supplementary\": {}, \"touches\": "
                + touches + ", \"phum\": " + phum + "}");
    }

    @Test
    void aWrongAnswerIsAnUnexplainedDifference() {
        JsonObject c = expressionCase("1 + 1", "[]", "{\"type\": \"Number\", \"value\": \"3\", \"double\": \"3.0\"}");
        assertEquals(Differential.Status.DIFFERENT, Differential.compare(c).status());
        JsonObject right = expressionCase("1 + 1", "[]", "{\"type\": \"Number\", \"value\": \"2\", \"double\": \"2.0\"}");
        assertEquals(Differential.Status.AGREE, Differential.compare(right).status());
    }

    @Test
    void errorsAgreeByPhaseNotByMessage() {
        JsonObject parse = expressionCase("1 +", "[]", "{\"error\": \"parse\", \"detail\": \"anything\"}");
        assertEquals(Differential.Status.AGREE, Differential.compare(parse).status());
        JsonObject wrongPhase = expressionCase("1 +", "[]", "{\"error\": \"eval\", \"detail\": \"anything\"}");
        assertEquals(Differential.Status.DIFFERENT, Differential.compare(wrongPhase).status());
    }

    @Test
    void onlyListedDifferencesAreExplainedAndOnlyByWhatTheOracleDoes() {
        // Parser 1.3.0 says 2 == true is true; 1.4 (and Phum) say false. A tag alone excuses nothing.
        JsonObject tagged = expressionCase("2 == true", "[\"equality-1.4\"]", "{\"type\": \"Bool\", \"value\": \"false\"}");
        assertEquals(Differential.Status.DIFFERENT, Differential.compare(tagged).status());
        // Pointed at the comparison, the oracle shows it answers true where 1.4 answers false,
        // and answers Phum's false once the comparison is replaced by Phum's answer.
        JsonObject pointed = tagged.deepCopy();
        pointed.add("equalities", json("{\"e\": [{\"op\": \"==\", \"left\": \"2\", \"right\": \"true\", \"phum\": \"false\"}]}").get("e"));
        pointed.addProperty("rewritten", "false");
        assertEquals(KnownDifferences.EQUALITY, Differential.compare(pointed).reason());
        JsonObject misread = expressionCase("2 == 'a'", "[\"equality-1.4\"]", "{\"type\": \"Bool\", \"value\": \"true\"}");
        misread.add("equalities", json("{\"e\": [{\"op\": \"==\", \"left\": \"2\", \"right\": \"'a'\", \"phum\": \"true\"}]}").get("e"));
        misread.addProperty("rewritten", "true");
        assertEquals(Differential.Status.DIFFERENT, Differential.compare(misread).status(),
                "1.4 answers false for 2 == 'a'; Phum's true is a bug however it is pointed at");
    }

    @Test
    void octalEscapesAreExplainedOnlyWhenTheOracleMisreadsThemAndAgreesWithoutThem() {
        JsonObject c = expressionCase("'\\101'", "[]", "{\"type\": \"Str\", \"value\": \"A\"}");
        c.addProperty("printed", "'A'");
        assertEquals(KnownDifferences.OCTAL, Differential.compare(c).reason());
        JsonObject wrong = expressionCase("'\\101'", "[]", "{\"type\": \"Str\", \"value\": \"B\"}");
        wrong.addProperty("printed", "'A'");
        assertEquals(Differential.Status.DIFFERENT, Differential.compare(wrong).status());
    }

    @Test
    void anUnknownCaseKindFails() {
        JsonObject unknown = json("{\"id\": 2, \"case\": \"nonsense\", \"phum\": {}}");
        assertEquals(Differential.Status.DIFFERENT, Differential.compare(unknown).status());
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("\uFFFDab\uD83D\uDE00", KnownDifferences.replaceLoneSurrogates("\uD83Dab\uD83D\uDE00"));
    }

    @Test
    void generatorBinaryIsFoundFromTheOracleDirectory() throws IOException {
        // Fails with the build hint when scripts/test has not built it.
        assertTrue(Files.isExecutable(generatorBinary()));
    }
}
