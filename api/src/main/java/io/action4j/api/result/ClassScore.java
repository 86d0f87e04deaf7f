package io.action4j.api.result;

/** One class and its score; {@code label} is the class name when a label map is known, else the index. */
public record ClassScore(int classIndex, String label, float score) {
}
