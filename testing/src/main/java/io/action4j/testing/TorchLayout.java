package io.action4j.testing;

import org.nd4j.linalg.api.ndarray.INDArray;

/** PyTorch's parameter layouts to those {@link io.action4j.api.model.GraphBuilder} builds (C order). */
public final class TorchLayout {

    private TorchLayout() {
    }

    /** Conv3d {@code [out, in, kT, kH, kW]} to {@code [kT, kH, kW, in, out]}. */
    public static INDArray conv3dWeight(INDArray torch) {
        return torch.permute(2, 3, 4, 1, 0).dup('c');
    }

    /** Conv2d {@code [out, in, kH, kW]} to {@code [kH, kW, in, out]}. */
    public static INDArray conv2dWeight(INDArray torch) {
        return torch.permute(2, 3, 1, 0).dup('c');
    }

    /** Linear {@code [out, in]} to {@code [in, out]}. */
    public static INDArray linearWeight(INDArray torch) {
        return torch.transpose().dup('c');
    }

    /**
     * By rank, for networks of 3D convolutions and linear layers: rank 5 a conv3d weight, rank 2 a
     * linear weight, anything else (biases, batch-norm parameters and statistics) as it is.
     */
    public static INDArray conv3dNetwork(INDArray torch) {
        return switch (torch.rank()) {
            case 5 -> conv3dWeight(torch);
            case 2 -> linearWeight(torch);
            default -> torch;
        };
    }
}
