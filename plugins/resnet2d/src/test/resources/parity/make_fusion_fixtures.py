#!/usr/bin/python3
"""Parity fixtures for the fusion backbones of the resnet2d plugin, written out in PyTorch.

    /usr/bin/python3 make_fusion_fixtures.py       # rewrites the fusion_*.json/.bin beside this script

Each fixture has its own seed (3000 + its place in main's list): adding one at the end leaves the others' bytes
as they were. The 2D trunks are small torchvision ResNets (make_parity_fixtures.SmallResNet: basic blocks, one a
stage, a 4-wide stem) with random weights and random batch-norm statistics (eval mode), run the way the plugin's
backbone is documented to run it:

  * early_fusion (stackFrames 2): a clip N x C x T x H x W becomes T/2 stacks of 2 frames, each stack's
    channels frame-major (frame 0's C, then frame 1's); conv1 takes 2C channels; the stacks stay on time:
    features N x C' x T/2 x H' x W';
  * late_fusion: the first and the last frame through the shared ResNet, each averaged over space,
    concatenated (first, then last), torch.nn.Linear `fusion_fc` and a ReLU: N x F x 1 x 1 x 1;
  * slow_fusion (Karpathy et al.): no ResNet; three Conv3d + BatchNorm3d (epsilon 1e-3) + ReLU layers, temporal
    extents 3, 2, 2 with strides 2, 1, 1 and no temporal padding (10 frames -> 4 -> 3 -> 2), odd spatial kernels
    7, 5, 3 padded by half, spatial strides 2, 2, 1, on 25 x 21 frames;
  * cnn_lstm: every frame through the ResNet, averaged over space, torch.nn.LSTM(batch_first=True) over the
    frames; its hidden states averaged over time: N x H x 1 x 1 x 1;
  * conv_pooling (Ng et al.): every frame through the ResNet, then max_pool3d over all the frames at each
    position: N x C' x 1 x H' x W';
  * two_stream_fusion (Feichtenhofer et al.): a clip of 3 RGB + 2 motion channels in segments of L frames;
    `rgb.*` on each segment's middle frame (index L // 2), `motion.*` on its L motion frames stacked (2L
    channels), each up to layer<fuseAfter>; then
      - sum (after layer 2; L 3, 33 x 17 frames), max (elementwise, after layer 1), concat (channels, RGB's first;
        after layer 4, 33 x 17): the later stages as torchvision's layers on the fused width, `fused.layer<k>`;
      - conv (after layer 3): concatenated, a 1x1 Conv2d `fusion.conv`, BatchNorm2d `fusion.bn`, ReLU, then
        torchvision's layer4 as `fused.layer4`;
      - bilinear (after layer 4): per segment the channels' outer product averaged over positions, signed square
        root, L2 normalisation (epsilon 1e-8 in both);
      - conv3d (after layer 3; 3 segments, 33 x 17): concatenated and, per video, stacked on time, a 3x3x3 Conv3d
        `fusion.conv` (padded 1), BatchNorm3d `fusion.bn`, ReLU, max_pool3d over all segments x 3 x 3 (stride 1,
        padded 1 in space), then `fused.layer4` on the one step left;
    the segments kept on time (one step after conv3d).

Tensor names are the plugin's checkpoint keys (`backbone.conv1.conv.weight`, ..., `backbone.fusion_fc.weight`,
`backbone.lstm.weight_ih_l0`, `backbone.fusion.conv.weight`), tensors in torch's layout; "input" and "features"
besides.
"""
import os
import sys
from collections import OrderedDict
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models import resnet as tv

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
import make_parity_fixtures as resnet  # noqa: E402
from parity_fixtures import ConvModule, state_tensors, write_fixture  # noqa: E402

BASE, BLOCKS = 4, [1, 1, 1, 1]


def trunk(in_channels, generator):
    model = resnet.SmallResNet(tv.BasicBlock, BLOCKS, BASE, 2)
    model.conv1 = nn.Conv2d(in_channels, BASE, kernel_size=7, stride=2, padding=3, bias=False)
    resnet.randomise(model, generator)
    del model.fc
    return model


def trunk_state(model):
    return [(resnet.mmaction2_key(k), v) for k, v in model.state_dict().items()
            if not k.endswith("num_batches_tracked")]


def pooled_frames(model, frames):
    return resnet.backbone(model, frames).mean(dim=(2, 3))


def early_fusion(generator):
    n, c, t, h, w, length = 2, 2, 4, 33, 33, 2
    model = trunk(c * length, generator)
    x = torch.randn((n, c, t, h, w), generator=generator)
    stacks = x.transpose(1, 2).reshape(n * t // length, length * c, h, w)  # frame-major channels per stack
    maps = resnet.backbone(model, stacks)
    features = maps.view(n, t // length, *maps.shape[1:]).transpose(1, 2)
    return trunk_state(model), x, features, {"trunk": {"depth": 18, "baseChannels": BASE, "stageBlocks": BLOCKS},
                                             "stackFrames": length}


def late_fusion(generator):
    n, c, t, h, w, fusion = 2, 3, 5, 33, 33, 6
    model = trunk(c, generator)
    fc = nn.Linear(2 * BASE * 8, fusion)
    with torch.no_grad():
        fc.weight.copy_(torch.randn(fc.weight.shape, generator=generator) * 0.3)
        fc.bias.copy_(torch.randn(fc.bias.shape, generator=generator) * 0.3)
    x = torch.randn((n, c, t, h, w), generator=generator)
    first, last = pooled_frames(model, x[:, :, 0]), pooled_frames(model, x[:, :, -1])
    features = torch.relu(fc(torch.cat([first, last], dim=1))).view(n, fusion, 1, 1, 1)
    state = trunk_state(model) + [("backbone.fusion_fc.weight", fc.weight), ("backbone.fusion_fc.bias", fc.bias)]
    return state, x, features, {"trunk": {"depth": 18, "baseChannels": BASE, "stageBlocks": BLOCKS},
                                "inChannels": c, "fusionChannels": fusion}


def cnn_lstm(generator):
    n, c, t, h, w, hidden = 2, 3, 4, 33, 33, 6
    model = trunk(c, generator)
    lstm = nn.LSTM(BASE * 8, hidden, batch_first=True)
    with torch.no_grad():
        for parameter in lstm.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.2)
    x = torch.randn((n, c, t, h, w), generator=generator)
    frames = x.transpose(1, 2).reshape(n * t, c, h, w)
    sequence = pooled_frames(model, frames).view(n, t, -1)
    states, _ = lstm(sequence)
    features = states.mean(dim=1).view(n, hidden, 1, 1, 1)
    state = trunk_state(model) + [("backbone.lstm." + k, v) for k, v in lstm.state_dict().items()]
    return state, x, features, {"trunk": {"depth": 18, "baseChannels": BASE, "stageBlocks": BLOCKS},
                                "inChannels": c, "hiddenSize": hidden, "output": "mean"}


def prefixed(state, prefix):
    return [(key.replace("backbone.", "backbone." + prefix, 1), value) for key, value in state]


def stages(model, frames, count):
    x = model.maxpool(model.relu(model.bn1(model.conv1(frames))))
    for layer in [model.layer1, model.layer2, model.layer3, model.layer4][:count]:
        x = layer(x)
    return x


def later_stages(channels, fuse_after):
    """torchvision's stages after `fuse_after` (ResNet._make_layer, stride 2 each) on `channels` fused channels,
    named layer<k> as a ResNet names them."""
    holder = resnet.SmallResNet(tv.BasicBlock, BLOCKS, BASE, 2)  # what _make_layer reads from self
    holder.inplanes = channels
    return nn.Sequential(OrderedDict(
        ("layer%d" % k, tv.ResNet._make_layer(holder, tv.BasicBlock, BASE << (k - 1), BLOCKS[k - 1], stride=2))
        for k in range(fuse_after + 1, 5)))


def fused_state(module, prefix):
    return [(resnet.mmaction2_key(k).replace("backbone.", "backbone." + prefix, 1), v)
            for k, v in module.state_dict().items() if "num_batches" not in k]


def two_stream(fusion, fuse_after, generator, length=2, segments=2, size=(33, 33)):
    n, rgb, motion = 2, 3, 2
    h, w = size
    spatial, temporal = trunk(rgb, generator), trunk(motion * length, generator)
    x = torch.randn((n, rgb + motion, segments * length, h, w), generator=generator)
    middle = x[:, :rgb].reshape(n, rgb, segments, length, h, w)[:, :, :, length // 2]
    rgb_frames = middle.transpose(1, 2).reshape(n * segments, rgb, h, w)
    motion_frames = x[:, rgb:].transpose(1, 2).reshape(n * segments, length * motion, h, w)
    a, b = stages(spatial, rgb_frames, fuse_after), stages(temporal, motion_frames, fuse_after)
    state = prefixed(trunk_state(spatial), "rgb.") + prefixed(trunk_state(temporal), "motion.")
    state = [(k, v) for k, v in state if not any(".layer%d." % i in k for i in range(fuse_after + 1, 5))]
    channels, out_segments = a.shape[1], segments
    if fusion == "conv":
        conv, bn = nn.Conv2d(2 * channels, channels, 1, bias=False), nn.BatchNorm2d(channels)
        later = later_stages(channels, fuse_after)
        for module in (conv, bn, later):
            resnet.randomise(module, generator)
        fused = later(torch.relu(bn(conv(torch.cat([a, b], dim=1)))))
        state += [("backbone.fusion.conv.weight", conv.weight)]
        state += [("backbone.fusion.bn." + k, v) for k, v in bn.state_dict().items() if "num_batches" not in k]
        state += fused_state(later, "fused.")
    elif fusion == "conv3d":
        # Feichtenhofer et al.'s 3D conv + 3D pooling: both streams' maps stacked on channels and, per video,
        # on time (one step a segment); a 3x3x3 convolution (padded 1) back to one stream's width, batch norm,
        # ReLU; a max pool over all segments x 3 x 3 (stride 1, padded 1 in space); the later stages per video.
        conv, bn = nn.Conv3d(2 * channels, channels, 3, padding=1, bias=False), nn.BatchNorm3d(channels)
        later = later_stages(channels, fuse_after)
        for module in (conv, bn, later):
            resnet.randomise(module, generator)
        joined = torch.cat([a, b], dim=1)
        clip = joined.view(n, segments, *joined.shape[1:]).permute(0, 2, 1, 3, 4)  # N x 2C x S x h x w
        pooled = F.max_pool3d(torch.relu(bn(conv(clip))), kernel_size=(segments, 3, 3), stride=1,
                              padding=(0, 1, 1))
        fused = later(pooled.squeeze(2))
        out_segments = 1
        state += [("backbone.fusion.conv.weight", conv.weight)]
        state += [("backbone.fusion.bn." + k, v) for k, v in bn.state_dict().items() if "num_batches" not in k]
        state += fused_state(later, "fused.")
    elif fusion in ("sum", "max", "concat"):
        # Feichtenhofer et al.'s sum, max (elementwise) and concatenation (the RGB stream's channels first).
        joined = {"sum": lambda: a + b, "max": lambda: torch.maximum(a, b),
                  "concat": lambda: torch.cat([a, b], dim=1)}[fusion]()
        later = later_stages(joined.shape[1], fuse_after)
        resnet.randomise(later, generator)
        fused = later(joined)
        state += fused_state(later, "fused.")
    else:
        positions = a.shape[2] * a.shape[3]
        outer = torch.bmm(a.flatten(2), b.flatten(2).transpose(1, 2)) / positions
        flat = outer.flatten(1)
        root = torch.sign(flat) * torch.sqrt(flat.abs() + 1e-8)
        fused = (root / torch.sqrt((root * root).sum(dim=1, keepdim=True) + 1e-8)).view(-1, channels * channels, 1, 1)
    features = fused.view(n, out_segments, *fused.shape[1:]).transpose(1, 2)
    return state, x, features, {"trunk": {"depth": 18, "baseChannels": BASE, "stageBlocks": BLOCKS},
                                "rgbChannels": rgb, "stackFrames": length, "fuseAfter": fuse_after, "fusion": fusion}


def slow_fusion(generator):
    """Karpathy et al.'s slow fusion as the plugin documents it: per layer a Conv3d (temporal extent and stride,
    odd spatial kernel padded by half, no temporal padding), BatchNorm3d, ReLU; mmcv ConvModule names."""
    n, c, t, h, w = 2, 3, 10, 25, 21
    channels, spatial_kernels, temporal_kernels = [4, 8, 12], [7, 5, 3], [3, 2, 2]
    temporal_strides, spatial_strides, eps = [2, 1, 1], [2, 2, 1], 1e-3
    layers, inputs = OrderedDict(), c
    for i, out in enumerate(channels):
        k = spatial_kernels[i]
        layers["conv%d" % (i + 1)] = ConvModule(inputs, out, (temporal_kernels[i], k, k),
                                                (temporal_strides[i], spatial_strides[i], spatial_strides[i]),
                                                (0, k // 2, k // 2), eps=eps)
        inputs = out
    model = resnet.randomise(nn.Sequential(layers), generator)
    x = torch.randn((n, c, t, h, w), generator=generator)
    features = model(x)  # time 10 -> 4 (one frame left over) -> 3 -> 2
    return state_tensors(model, "backbone."), x, features, {
        "channels": channels, "spatialKernels": spatial_kernels, "temporalKernels": temporal_kernels,
        "temporalStrides": temporal_strides, "spatialStrides": spatial_strides, "bnEpsilon": eps}


def conv_pooling(generator):
    n, c, t, h, w = 2, 3, 4, 33, 33
    model = trunk(c, generator)
    x = torch.randn((n, c, t, h, w), generator=generator)
    frames = x.transpose(1, 2).reshape(n * t, c, h, w)
    maps = resnet.backbone(model, frames)
    clip = maps.view(n, t, *maps.shape[1:]).transpose(1, 2)  # N x C' x T x h x w
    features = F.max_pool3d(clip, kernel_size=(t, 1, 1))  # Ng et al.: max over the frames, position by position
    return trunk_state(model), x, features, {"trunk": {"depth": 18, "baseChannels": BASE, "stageBlocks": BLOCKS},
                                             "inChannels": c}


def main():
    for index, (name, make) in enumerate([("early_fusion", early_fusion), ("late_fusion", late_fusion),
                                          ("cnn_lstm", cnn_lstm),
                                          ("two_stream_conv", lambda g: two_stream("conv", 3, g)),
                                          ("two_stream_bilinear", lambda g: two_stream("bilinear", 4, g)),
                                          ("slow_fusion", slow_fusion), ("conv_pooling", conv_pooling),
                                          ("two_stream_sum", lambda g: two_stream("sum", 2, g, 3, 2, (33, 17))),
                                          ("two_stream_max", lambda g: two_stream("max", 1, g)),
                                          ("two_stream_concat", lambda g: two_stream("concat", 4, g, 2, 2, (33, 17))),
                                          ("two_stream_conv3d", lambda g: two_stream("conv3d", 3, g, 2, 3, (33, 17)))]):
        torch.manual_seed(3000 + index)
        generator = torch.Generator().manual_seed(3000 + index)
        with torch.no_grad():
            state, x, features, config = make(generator)
        tensors = state + [("input", x), ("features", features)]
        size = write_fixture(HERE, "fusion_" + name, tensors, {
            "backbone": name, "config": config, "madeBy": "make_fusion_fixtures.py, torch " + torch.__version__,
            "featuresStd": float(features.std())})
        print("%-12s features %s std %.3f, %d bytes" % (name, tuple(features.shape), float(features.std()), size))


if __name__ == "__main__":
    main()
