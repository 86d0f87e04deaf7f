package io.action4j.engine.checkpoint;

/**
 * A storage named by a torch pickle's persistent id {@code ('storage', torch.XStorage, key, location,
 * numel)}: its bytes are the zip entry {@code <prefix>/data/<key>}, read only once a tensor that
 * is actually used needs them.
 */
record PickledStorage(String key, ElementType type, long numel) {
}
