package io.action4j.localization.bmn;

/**
 * The sampling weights of BMN's boundary-matching layer, as MMAction2 computes them
 * ({@code _get_interp1d_mask}): for each candidate (start s, duration d) and each of its sampling
 * points, the linear-interpolation weights over the T time steps, averaged over the points of a
 * bin. Computed in double and stored as float32, in PyTorch's layout {@code [t][sample][d][s]}
 * (its {@code sample_mask}, viewed as T x samples*T*T). Candidates that run past the end are zero.
 */
final class BoundaryMatchingMask {

    private BoundaryMatchingMask() {
    }

    static float[] weights(int steps, double boundaryRatio, int samples, int samplesPerBin) {
        float[] mask = new float[steps * samples * steps * steps];
        double[] bin = new double[steps];
        for (int start = 0; start < steps; start++) {
            for (int duration = 0; start + duration < steps; duration++) {
                double centreLength = (double) duration + 1;
                double from = start - centreLength * boundaryRatio;
                double to = start + duration + centreLength * boundaryRatio;
                double spacing = (to - from) / (samples * samplesPerBin - 1.0);
                for (int sample = 0; sample < samples; sample++) {
                    java.util.Arrays.fill(bin, 0.0);
                    for (int k = 0; k < samplesPerBin; k++) {
                        interpolate(bin, from + spacing * (sample * samplesPerBin + k));
                    }
                    for (int t = 0; t < steps; t++) {
                        double weight = 1.0 / samplesPerBin * bin[t];
                        mask[((t * samples + sample) * steps + duration) * steps + start] = (float) weight;
                    }
                }
            }
        }
        return mask;
    }

    /**
     * Python's {@code math.modf} split (the integral part truncated towards zero, so a point in (-1, 0)
     * puts 1 - fraction on step 0 and a negative fraction on step 0 as well: together 1).
     */
    private static void interpolate(double[] bin, double point) {
        double integral = point < 0 ? Math.ceil(point) : Math.floor(point);
        double fraction = point - integral;
        int down = (int) integral;
        int up = (int) Math.ceil(point);
        if (down >= 0 && down < bin.length) {
            bin[down] += 1 - fraction;
        }
        if (up >= 0 && up < bin.length) {
            bin[up] += fraction;
        }
    }

    /** MMAction2's {@code bm_mask}: 1 where a candidate (duration d, start s) ends inside the video. */
    static float[] validCandidates(int steps) {
        float[] mask = new float[steps * steps];
        for (int duration = 0; duration < steps; duration++) {
            for (int start = 0; start + duration < steps; start++) {
                mask[duration * steps + start] = 1f;
            }
        }
        return mask;
    }
}
