package dev.skillnet.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.model.checkpoint.BertCheckpoint;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.checkpoint.SafetensorsWriter;
import dev.skillnet.model.nn.ParameterInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-trained encoder in HuggingFace's {@code BertForPreTraining} layout: {@code config.json}
 * and {@code model.safetensors} with {@code bert.*} and {@code cls.*} keys. Skills that some
 * objective trained are saved under their own names; the plain feed-forward
 * ({@code bert.encoder.layer.N.intermediate/output}) holds a copy of one trained skill, so that
 * skills no objective trained start from it when the folder is loaded with {@code --init}, and so
 * that the folder is also a valid plain BERT. {@code pretraining.json} records which skills were
 * trained and by what.
 */
public final class PretrainingCheckpoint {

    private static final Pattern SKILL = Pattern.compile("^bert\\.encoder\\.layer\\.(\\d+)\\.skills\\.([^.]+)\\.(.+)$");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private PretrainingCheckpoint() {}

    /**
     * Writes the folder atomically, with the tokenizer files written by {@code extra}.
     *
     * @param model the pre-training model
     * @param dir the folder (replaced if present)
     * @param trained the skills some objective trained
     * @param plainFrom the trained skill copied into the plain feed-forward
     * @param info what the run did (written as pretraining.json)
     * @param extra writes further files (the tokenizer)
     * @throws IOException when writing fails
     */
    public static void save(BertForPreTraining model, Path dir, Set<String> trained, String plainFrom,
            JsonObject info, AtomicDirectory.Body extra) throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (var e : model.namedParameters().entrySet()) {
            String name = e.getKey();
            Matcher m = SKILL.matcher(name);
            if (m.matches() && !trained.contains(m.group(2))) {
                continue;
            }
            tensors.put(name, e.getValue().getArray());
            if (m.matches() && m.group(2).equals(plainFrom)) {
                tensors.put("bert.encoder.layer." + m.group(1) + "." + m.group(3), e.getValue().getArray());
            }
        }
        AtomicDirectory.write(dir, tmp -> {
            model.bert().config().write(tmp.resolve(BertCheckpoint.CONFIG));
            SafetensorsWriter.writeArrays(tmp.resolve(BertCheckpoint.WEIGHTS), tensors, Map.of("format", "pt"));
            AtomicFiles.writeString(tmp.resolve("pretraining.json"), GSON.toJson(info));
            extra.write(tmp);
        });
    }

    /**
     * Loads the {@code cls.*} tensors of a checkpoint into the heads, where the file has them all.
     *
     * @param model the pre-training model (its encoder already loaded)
     * @param file the checkpoint's weights
     * @param manager the manager owning the parameters
     * @return the names of the heads' parameters the file lacked (left as initialised)
     */
    public static List<String> loadHeads(BertForPreTraining model, SafetensorsFile file, NDManager manager) {
        List<String> missing = new ArrayList<>();
        Map<String, Parameter> params = model.cls().namedParameters();
        for (var e : params.entrySet()) {
            String key = "cls." + e.getKey();
            SafetensorsFile.Entry entry = file.entries().get(key);
            long[] shape = e.getValue().getArray().getShape().getShape();
            if (entry == null || !java.util.Arrays.equals(entry.shape(), shape)) {
                missing.add(key);
            } else {
                ParameterInit.attach(e.getValue(), manager.create(file.readFloats(key), e.getValue().getArray().getShape()));
            }
        }
        return missing;
    }
}
