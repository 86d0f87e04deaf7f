package io.action4j.registry;

/** Two plugins register a component of the same kind under the same name. */
public class DuplicateComponentException extends RegistryException {

    public DuplicateComponentException(String message) {
        super(message);
    }
}
