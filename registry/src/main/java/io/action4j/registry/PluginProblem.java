package io.action4j.registry;

/** Something wrong with one plugin or component, found while loading; the rest still load. */
public record PluginProblem(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
