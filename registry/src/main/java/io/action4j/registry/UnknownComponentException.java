package io.action4j.registry;

/** No component of the requested kind has the requested name. */
public class UnknownComponentException extends RegistryException {

    public UnknownComponentException(String message) {
        super(message);
    }
}
