/**
 * MMAction2 v1.2.0's data transforms ({@code mmaction/datasets/transforms/processing.py},
 * {@code formatting.py}) on the action4j {@link io.action4j.api.transform.Clip}.
 *
 * <ul>
 *   <li>Until {@code normalize}, frames keep uint8 semantics: resizing and the hue step go through
 *       OpenCV on 8-bit Mats (the cv2 code MMAction2 runs), crops and flips are exact copies.</li>
 *   <li>Boxes move as MMAction2 moves {@code gt_bboxes}: scaled by each resize's float32 factor,
 *       shifted and clamped to {@code [0, w-1]} by crops, mirrored with the full width by flips;
 *       ThreeCrop and TenCrop leave them unchanged (MMAction2 cannot process them either).</li>
 *   <li>Randomness comes only from the generator passed to {@code apply}; each transform's Javadoc
 *       lists its draws in order. Python's {@code random.randint} maps to {@code nextInt(n + 1)},
 *       {@code random.choice} to {@code nextInt(size)}, numpy's {@code uniform}/{@code rand} to
 *       {@code nextDouble()}. The values cannot equal Python's for the same seed; the arithmetic,
 *       the order and the bounds do.</li>
 *   <li>The clip has no modality: {@code flip} and {@link io.action4j.api.transform.ClipFormatter}
 *       take {@code modality: rgb|flow} from their configs.</li>
 *   <li>{@code FormatShape} is {@link io.action4j.api.transform.ClipFormatter}, not a
 *       transform, because its output is a tensor.</li>
 * </ul>
 */
package io.action4j.plugins.transforms;
