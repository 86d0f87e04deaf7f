package io.action4j.spatiotemporal.ava;

/** One entry of an AVA label map. */
public record AvaLabel(int id, String name) {
}
