/**
 * Checkpoints: reading PyTorch ({@link io.action4j.engine.checkpoint.TorchCheckpoints}) and
 * safetensors ({@link io.action4j.engine.checkpoint.Safetensors}) files into float32
 * {@link io.action4j.engine.checkpoint.TensorData}, loading them into a composed model's graph by
 * name ({@link io.action4j.engine.checkpoint.CheckpointLoader} with a
 * a {@link io.action4j.api.model.CheckpointKeyMapping} per source naming, built in or declared by a component: {@link io.action4j.engine.checkpoint.KeyMappings}), and the framework's own
 * checkpoint ({@link io.action4j.engine.checkpoint.ModelCheckpoint}: safetensors with the
 * resolved config in its metadata).
 *
 * <p>Nothing in a file is executed: PyTorch pickles are read by a restricted unpickler that accepts
 * only the globals a state dict needs, and every size a file claims is checked against the file
 * before memory is allocated for it.
 */
package io.action4j.engine.checkpoint;
