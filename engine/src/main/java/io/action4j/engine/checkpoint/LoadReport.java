package io.action4j.engine.checkpoint;

import java.util.List;

/**
 * What loading a checkpoint into a graph did.
 *
 * @param source the file the tensors came from
 * @param mapping the key mapping's name
 * @param loaded graph variables that received values
 * @param missing graph variables that nothing in the checkpoint maps to
 * @param unexpected checkpoint keys that map to no graph variable, as {@code key} or {@code key -> name}
 * @param mismatched checkpoint tensors whose shape does not fit their variable
 * @param duplicates graph variables that more than one checkpoint key maps to, with the keys
 * @param ignored checkpoint keys deliberately skipped ({@code num_batches_tracked})
 */
public record LoadReport(String source, String mapping, List<String> loaded, List<String> missing,
                         List<String> unexpected, List<ShapeMismatch> mismatched, List<String> duplicates,
                         List<String> ignored) {

    public LoadReport {
        loaded = List.copyOf(loaded);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        mismatched = List.copyOf(mismatched);
        duplicates = List.copyOf(duplicates);
        ignored = List.copyOf(ignored);
    }

    /** True when every graph variable was loaded and every checkpoint tensor used (or ignored). */
    public boolean complete() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty() && duplicates.isEmpty();
    }

    /** Every problem, one per line, under a one-line summary. */
    public String describe() {
        StringBuilder text = new StringBuilder(source + " (" + mapping + " mapping): loaded " + loaded.size()
                + ", missing " + missing.size() + ", unexpected " + unexpected.size() + ", shape mismatches "
                + mismatched.size() + (duplicates.isEmpty() ? "" : ", duplicates " + duplicates.size())
                + ", ignored " + ignored.size());
        missing.forEach(name -> text.append("\n  missing in checkpoint: ").append(name));
        unexpected.forEach(key -> text.append("\n  unexpected in checkpoint: ").append(key));
        mismatched.forEach(mismatch -> text.append("\n  shape mismatch: ").append(mismatch));
        duplicates.forEach(duplicate -> text.append("\n  duplicate: ").append(duplicate));
        return text.toString();
    }
}
