package io.action4j.engine.checkpoint;

/** A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a strided view into a storage. */
record PickledTensor(PickledStorage storage, long offset, long[] size, long[] stride) {
}
