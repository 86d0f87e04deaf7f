package io.action4j.engine.checkpoint;

/**
 * PyTorch layouts to ND4J's. A parameter the graph builder made knows its own (a conv1d weight
 * {@code [out,in,k]} to {@code [k,in,out]}, say: {@code GraphBuilder.torchLayout}); for the rest the
 * layout is chosen by rank alone (shapes cannot decide: a square linear weight fits either way):
 * rank 5, conv3d {@code [out,in,kT,kH,kW]} to {@code [kT,kH,kW,in,out]}; rank 4, conv2d
 * {@code [out,in,kH,kW]} to {@code [kH,kW,in,out]}; rank 2, linear {@code [out,in]} to {@code [in,out]};
 * other ranks (batch-norm vectors, scalars, rank-3 embeddings) as they are.
 */
final class LayoutConversion {

    private static final int[] CONV3D = {2, 3, 4, 1, 0};
    private static final int[] CONV2D = {2, 3, 1, 0};
    private static final int[] LINEAR = {1, 0};

    private LayoutConversion() {
    }

    /** For each graph axis, the torch axis it comes from, by rank; null for "as is". */
    static int[] byRank(int rank) {
        return switch (rank) {
            case 5 -> CONV3D;
            case 4 -> CONV2D;
            case 2 -> LINEAR;
            default -> null;
        };
    }

    static long[] graphShape(long[] torchShape) {
        return graphShape(torchShape, byRank(torchShape.length));
    }

    /** @param permutation for each graph axis the torch axis it comes from; null for "as is" */
    static long[] graphShape(long[] torchShape, int[] permutation) {
        if (permutation == null) {
            return torchShape.clone();
        }
        long[] shape = new long[torchShape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = torchShape[permutation[axis]];
        }
        return shape;
    }

    static long[] torchShape(long[] graphShape) {
        return torchShape(graphShape, byRank(graphShape.length));
    }

    static long[] torchShape(long[] graphShape, int[] permutation) {
        if (permutation == null) {
            return graphShape.clone();
        }
        long[] shape = new long[graphShape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[permutation[axis]] = graphShape[axis];
        }
        return shape;
    }

    /** {@code values} (row-major, torch layout {@code torchShape}) in the graph layout, row-major. */
    static float[] toGraph(long[] torchShape, float[] values) {
        return toGraph(torchShape, values, byRank(torchShape.length));
    }

    static float[] toGraph(long[] torchShape, float[] values, int[] permutation) {
        if (permutation == null) {
            return values;
        }
        int rank = torchShape.length;
        long[] torchStrides = new long[rank];
        long stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            torchStrides[axis] = stride;
            stride *= torchShape[axis];
        }
        long[] shape = graphShape(torchShape, permutation);
        long[] strides = new long[rank];
        for (int axis = 0; axis < rank; axis++) {
            strides[axis] = torchStrides[permutation[axis]];
        }
        float[] result = new float[values.length];
        long[] position = new long[rank];
        long source = 0;
        for (int i = 0; i < result.length; i++) {
            result[i] = values[(int) source];
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++position[axis] < shape[axis]) {
                    source += strides[axis];
                    break;
                }
                source -= (shape[axis] - 1) * strides[axis];
                position[axis] = 0;
            }
        }
        return result;
    }
}
