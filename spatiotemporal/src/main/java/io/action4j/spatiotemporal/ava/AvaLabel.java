package io.action4j.spatiotemporal.ava;

/**
 * One entry of an AVA label map.
 *
 * @param type its category group where the map gives one ({@code label_type: PERSON_MOVEMENT},
 *             {@code OBJECT_MANIPULATION}, {@code PERSON_INTERACTION} in AVA's own maps), else null
 */
public record AvaLabel(int id, String name, String type) {

    /** An entry without a category group. */
    public AvaLabel(int id, String name) {
        this(id, name, null);
    }
}
