package dev.skillnet.skills;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered, immutable set of skills with unique names. The order is the order of the skill
 * sub-networks in every layer, so it is part of a checkpoint's layout.
 *
 * <p>A skill file is a JSON array of {@code {"name": ..., "description": ...}} objects.
 */
public final class SkillTable {

    /** Name of the bundled resource holding the default skills (next to this class). */
    public static final String DEFAULTS_RESOURCE = "skills.json";

    private final List<Skill> skills;
    private final Map<String, Integer> index;

    private SkillTable(List<Skill> skills) {
        this.skills = List.copyOf(skills);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.skills.size(); i++) {
            Integer previous = byName.putIfAbsent(this.skills.get(i).name(), i);
            if (previous != null) {
                throw new UserInputException("duplicate skill '" + this.skills.get(i).name()
                        + "' (entries #" + (previous + 1) + " and #" + (i + 1) + ")");
            }
        }
        this.index = Collections.unmodifiableMap(byName);
    }

    /**
     * Builds a table from skills in order.
     *
     * @param skills the skills; names must be unique
     * @return the table
     * @throws UserInputException if a name occurs twice
     */
    public static SkillTable of(List<Skill> skills) {
        return new SkillTable(skills);
    }

    /**
     * The seven bundled skills: sequence, token, pair, sentiment, entity, question, general.
     *
     * @return the default table
     */
    public static SkillTable defaults() {
        Path source = Path.of("classpath:" + DEFAULTS_RESOURCE);
        try (InputStream in = SkillTable.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + DEFAULTS_RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a user's skill file (same form as the bundled one).
     *
     * @param file a JSON array of {@code {"name", "description"}} objects
     * @return the table, in file order
     * @throws UserInputException naming the file for invalid JSON (with line and column), a
     *     value of the wrong form, a missing field, an invalid name or a name used twice
     */
    public static SkillTable load(Path file) {
        return fromJson(JsonFiles.read(file), file);
    }

    private static SkillTable parse(Reader reader, Path source) {
        return fromJson(JsonFiles.parse(reader, source), source);
    }

    private static SkillTable fromJson(JsonElement root, Path file) {
        if (!root.isJsonArray()) {
            throw new UserInputException(file, "expected a JSON array of skills, found "
                    + SkillJson.kind(root));
        }
        JsonArray array = root.getAsJsonArray();
        if (array.isEmpty()) {
            throw new UserInputException(file, "no skills declared (the array is empty)");
        }
        List<Skill> skills = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            Skill skill = SkillJson.parse(array.get(i), file, "skill #" + (i + 1));
            Integer first = seen.putIfAbsent(skill.name(), i + 1);
            if (first != null) {
                throw new UserInputException(file, "duplicate skill '" + skill.name()
                        + "' (skill #" + first + " and skill #" + (i + 1) + ")");
            }
            skills.add(skill);
        }
        return new SkillTable(skills);
    }

    /**
     * A new table with one more skill at the end.
     *
     * @param skill the skill to add
     * @return the extended table (this one is unchanged)
     * @throws UserInputException if a skill of that name is already in the table
     */
    public SkillTable withAdded(Skill skill) {
        Objects.requireNonNull(skill, "skill");
        if (contains(skill.name())) {
            throw new UserInputException("skill '" + skill.name() + "' is already declared");
        }
        List<Skill> extended = new ArrayList<>(skills);
        extended.add(skill);
        return new SkillTable(extended);
    }

    /**
     * @param name a skill name
     * @return the skill of that name
     * @throws UserInputException if there is none (the message lists the declared skills)
     */
    public Skill get(String name) {
        return find(name).orElseThrow(() -> new UserInputException(
                "unknown skill '" + name + "'; declared skills: " + String.join(", ", names())));
    }

    /**
     * @param name a skill name
     * @return the skill of that name, if declared
     */
    public Optional<Skill> find(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(skills.get(i));
    }

    /**
     * @param name a skill name
     * @return whether a skill of that name is declared
     */
    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /**
     * @param name a skill name
     * @return its 0-based position in the table, or -1 if it is not declared
     */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    /** @return the skill names in table order (unmodifiable) */
    public List<String> names() {
        return skills.stream().map(Skill::name).toList();
    }

    /** @return the skills in table order (unmodifiable) */
    public List<Skill> skills() {
        return skills;
    }

    /** @return the number of skills */
    public int size() {
        return skills.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillTable that && skills.equals(that.skills);
    }

    @Override
    public int hashCode() {
        return skills.hashCode();
    }

    @Override
    public String toString() {
        return "SkillTable" + names();
    }
}
