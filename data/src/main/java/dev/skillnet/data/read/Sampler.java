package dev.skillnet.data.read;

import dev.skillnet.data.SplitSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Takes the part of a file's examples a {@link SplitSource} asks for; see its documentation. */
final class Sampler {

    private Sampler() {}

    /**
     * Applies a source's seeded shuffle and fraction range.
     *
     * @param items the file's examples in file order
     * @param source the source
     * @param group the group (article) of an example, used when the source is by article
     * @param <T> the example type
     * @return the kept examples
     */
    static <T> List<T> take(List<T> items, SplitSource source, Function<T, String> group) {
        if (source.isWholeInOrder()) {
            return items;
        }
        long seed = source.seed() == null ? 0L : source.seed();
        if (!source.byArticle()) {
            return range(shuffle(items, seed), source);
        }
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(group.apply(item), k -> new ArrayList<>()).add(item);
        }
        List<T> out = new ArrayList<>();
        for (String key : range(shuffle(new ArrayList<>(groups.keySet()), seed), source)) {
            out.addAll(groups.get(key));
        }
        return out;
    }

    /**
     * Fisher-Yates shuffle with {@code new Random(seed)}: for i from n-1 down to 1, swap i with
     * {@code nextInt(i + 1)}.
     *
     * @param items the items (not modified)
     * @param seed the seed
     * @param <T> the item type
     * @return a shuffled copy
     */
    static <T> List<T> shuffle(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        Random random = new Random(seed);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    private static <T> List<T> range(List<T> items, SplitSource source) {
        int n = items.size();
        int from = (int) Math.floor(source.from() * n);
        int to = (int) Math.floor(source.to() * n);
        return items.subList(from, to);
    }
}
