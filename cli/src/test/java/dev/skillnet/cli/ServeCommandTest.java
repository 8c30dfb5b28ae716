package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.inference.RandomModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skillnet serve} as a user runs it: a separate JVM that answers on loopback, stops on
 * SIGTERM and exits 0; and a clear error with exit 2 for a folder that is not a model.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // reads block
class ServeCommandTest {

    private static Process serve(Path model, String... more) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--model", model.toString(),
                "--port", "0"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void servesUntilSigtermThenExitsZero(@TempDir Path tmp) throws Exception {
        Process p = serve(RandomModel.save(tmp.resolve("model"), 9));
        try {
            check(p);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void servesThroughOnnxRuntimeWhenAsked(@TempDir Path tmp) throws Exception {
        Process p = serve(RandomModel.save(tmp.resolve("model"), 9), "--engine", "onnx");
        try {
            check(p);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void check(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
        int port = -1;
        StringBuilder log = new StringBuilder();
        String line;
        while (port < 0 && (line = out.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = serving.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(port > 0, "no 'serving' line in\n" + log);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/tasks/chnsenticorp/predict")).POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"好\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"label\":"), r.body());
        p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
        StringBuilder rest = new StringBuilder();
        while ((line = out.readLine()) != null) { // to the end of its output: it exits
            rest.append(line).append('\n');
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
        assertEquals(0, p.exitValue(), log.toString() + rest);
        assertTrue(rest.toString().contains("stopped"), rest.toString());
    }

    @Test
    void aFolderThatIsNotAModelExitsTwoWithTheReason(@TempDir Path tmp) throws Exception {
        Process p = serve(tmp.resolve("nothing-here"));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), all);
        assertTrue(all.contains("nothing-here: no such model folder"), all);
    }
}
