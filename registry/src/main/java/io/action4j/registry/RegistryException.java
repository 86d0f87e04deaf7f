package io.action4j.registry;

/** A lookup in the registry that cannot be answered; the message says why and what exists. */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }
}
