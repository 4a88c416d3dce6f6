// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Matches the tensor names a model expects with the keys of a weights file. Published files wrap
 * state dicts in various ways ({@code state_dict.}, {@code netG.}, DataParallel's {@code module.}),
 * so the common prefix is found rather than assumed; the result lists what is missing, unexpected
 * or of the wrong shape, so a wrong file gets one precise message instead of a failure deep in a
 * model.
 */
public final class KeyMapping {
    /**
     * Buffers that old checkpoints carry but the models never read: InstanceNorm layers saved
     * running statistics before PyTorch 0.4 stopped tracking them, and BatchNorm's step counter.
     * The reference loaders delete them too.
     */
    private static final Pattern STALE = Pattern.compile(".*\\.(running_mean|running_var|num_batches_tracked)$");

    private final String prefix;
    private final Map<String, String> fileKeys;
    private final List<String> missing;
    private final List<String> unexpected;
    private final List<String> wrongShape;

    private KeyMapping(String prefix, Map<String, String> fileKeys, List<String> missing, List<String> unexpected,
                       List<String> wrongShape) {
        this.prefix = prefix;
        this.fileKeys = Collections.unmodifiableMap(fileKeys);
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.wrongShape = List.copyOf(wrongShape);
    }

    /**
     * Matches {@code expected} (model key to shape) against the file.
     *
     * @param file the weights file to look in
     * @param expected the model's tensor names, without any prefix, each with its shape
     * @param staleKeysOptional when true, expected norm buffers ({@code running_mean} etc.) may be
     *     absent, and such keys in the file that the model does not expect are not "unexpected"
     * @return the mapping found, with what is missing, unexpected or of the wrong shape
     */
    public static KeyMapping match(WeightFile file, Map<String, long[]> expected, boolean staleKeysOptional) {
        String prefix = bestPrefix(file.keys(), expected.keySet());
        Map<String, String> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> wrongShape = new ArrayList<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            String key = prefix + e.getKey();
            if (!file.contains(key)) {
                if (!(staleKeysOptional && STALE.matcher(e.getKey()).matches())) {
                    missing.add(e.getKey());
                }
                continue;
            }
            long[] shape = file.shape(key);
            if (!Arrays.equals(shape, e.getValue())) {
                wrongShape.add(e.getKey() + " is " + Arrays.toString(shape) + ", expected " + Arrays.toString(e.getValue()));
                continue;
            }
            found.put(e.getKey(), key);
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : file.keys()) {
            if (key.startsWith(prefix)) {
                String local = key.substring(prefix.length());
                if (!expected.containsKey(local) && !(staleKeysOptional && STALE.matcher(local).matches())) {
                    unexpected.add(local);
                }
            }
        }
        return new KeyMapping(prefix, found, missing, unexpected, wrongShape);
    }

    /**
     * The prefix p for which the most expected keys appear as p + key; ties go to the shortest,
     * then to the one met first in file order (a pytorch_GAN_zoo checkpoint holds its generator
     * twice, as {@code netG} and then its running average {@code avgG}: netG is the one).
     * Candidates come from file keys that end with an expected key at a dot boundary.
     */
    private static String bestPrefix(Set<String> fileKeys, Set<String> expectedKeys) {
        // Insertion-ordered, so ties are decided by file order and not by hash codes.
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (String fileKey : fileKeys) {
            for (String expectedKey : expectedKeys) {
                if (fileKey.endsWith(expectedKey)) {
                    String p = fileKey.substring(0, fileKey.length() - expectedKey.length());
                    if (p.isEmpty() || p.endsWith(".")) {
                        votes.merge(p, 1, Integer::sum);
                    }
                }
            }
        }
        String best = "";
        int bestVotes = votes.getOrDefault("", 0);
        for (Map.Entry<String, Integer> v : votes.entrySet()) {
            if (v.getValue() > bestVotes || (v.getValue() == bestVotes && v.getKey().length() < best.length())) {
                best = v.getKey();
                bestVotes = v.getValue();
            }
        }
        return best;
    }

    /**
     * The prefix the file wraps the model's keys in ({@code ""} for a plain state dict).
     *
     * @return the prefix, such as {@code state_dict.}, ending in a dot unless empty
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The file key of a model key, or null when it is missing or of the wrong shape.
     *
     * @param modelKey a tensor name as the model spells it
     * @return the prefixed key in the file, or null
     */
    public @Nullable String fileKey(String modelKey) {
        return fileKeys.get(modelKey);
    }

    /**
     * Model keys the file lacks (stale norm buffers excluded when asked).
     *
     * @return the missing model keys; empty when none
     */
    public List<String> missing() {
        return missing;
    }

    /**
     * File keys under the prefix that the model does not use.
     *
     * @return the unused keys, without the prefix; empty when none
     */
    public List<String> unexpected() {
        return unexpected;
    }

    /**
     * Keys present with a shape other than the model's, each described.
     *
     * @return one description per key, naming the actual and the expected shape; empty when none
     */
    public List<String> wrongShape() {
        return wrongShape;
    }

    /**
     * Whether every expected key was found with the right shape.
     *
     * @return true when nothing is missing or of the wrong shape
     */
    public boolean complete() {
        return missing.isEmpty() && wrongShape.isEmpty();
    }

    /**
     * Throws unless every expected key was found with its shape, and (when {@code strict}) the
     * file holds nothing else under the prefix.
     *
     * @param file the weights file matched, named in the message
     * @param modelName what the weights are for, named in the message
     * @param strict whether unexpected keys are an error too
     * @return this mapping, when it passes
     * @throws ModelFormatException listing what is missing, of the wrong shape or (when strict) unexpected
     */
    public KeyMapping require(WeightFile file, String modelName, boolean strict) {
        if (complete() && (!strict || unexpected.isEmpty())) {
            return this;
        }
        StringBuilder sb = new StringBuilder(file.path() + " does not hold " + modelName + " weights");
        if (!prefix.isEmpty()) {
            sb.append(" (keys looked for under '").append(prefix).append("')");
        }
        describe(sb, "missing", missing);
        describe(sb, "wrong shape", wrongShape);
        if (strict) {
            describe(sb, "unexpected", unexpected);
        }
        throw new ModelFormatException(sb.toString());
    }

    private static void describe(StringBuilder sb, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        int shown = Math.min(items.size(), 6);
        sb.append("; ").append(label).append(" (").append(items.size()).append("): ")
                .append(String.join(", ", items.subList(0, shown)));
        if (items.size() > shown) {
            sb.append(", ...");
        }
    }
}
