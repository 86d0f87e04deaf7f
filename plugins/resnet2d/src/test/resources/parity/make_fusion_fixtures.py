#!/usr/bin/python3
"""Parity fixtures for three fusion backbones of the resnet2d plugin, written out in PyTorch.

    /usr/bin/python3 make_fusion_fixtures.py       # rewrites the fusion_*.json/.bin beside this script

Each is a small torchvision ResNet (make_parity_fixtures.SmallResNet: basic blocks, one a stage, a 4-wide stem)
with random weights and random batch-norm statistics (eval mode), run the way the plugin's backbone is
documented to run it:

  * early_fusion (stackFrames 2): a clip N x C x T x H x W becomes T/2 stacks of 2 frames, each stack's
    channels frame-major (frame 0's C, then frame 1's); conv1 takes 2C channels; the stacks stay on time:
    features N x C' x T/2 x H' x W';
  * late_fusion: the first and the last frame through the shared ResNet, each averaged over space,
    concatenated (first, then last), torch.nn.Linear `fusion_fc` and a ReLU: N x F x 1 x 1 x 1;
  * cnn_lstm: every frame through the ResNet, averaged over space, torch.nn.LSTM(batch_first=True) over the
    frames; its hidden states averaged over time: N x H x 1 x 1 x 1;
  * two_stream_fusion (conv after layer 3; bilinear after layer 4): a clip of 3 RGB + 2 motion channels in
    segments of 2 frames; `rgb.*` on each segment's middle frame (index 1), `motion.*` on its 2 motion frames
    stacked (4 channels); conv: concatenated, a 1x1 Conv2d `fusion.conv`, BatchNorm2d `fusion.bn`, ReLU, then
    torchvision's layer4 as `fused.layer4`; bilinear: per segment the channels' outer product averaged over
    positions, signed square root, L2 normalisation (epsilon 1e-8 in both); the segments kept on time.

Tensor names are the plugin's checkpoint keys (`backbone.conv1.conv.weight`, ..., `backbone.fusion_fc.weight`,
`backbone.lstm.weight_ih_l0`), tensors in torch's layout; "input" and "features" besides.
"""
import os
import sys
from pathlib import Path

import torch
import torch.nn as nn
from torchvision.models import resnet as tv

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
import make_parity_fixtures as resnet  # noqa: E402
from parity_fixtures import write_fixture  # noqa: E402

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


def two_stream(fusion, fuse_after, generator):
    n, rgb, motion, segments, length, h, w = 2, 3, 2, 2, 2, 33, 33
    spatial, temporal = trunk(rgb, generator), trunk(motion * length, generator)
    x = torch.randn((n, rgb + motion, segments * length, h, w), generator=generator)
    middle = x[:, :rgb].reshape(n, rgb, segments, length, h, w)[:, :, :, length // 2]
    rgb_frames = middle.transpose(1, 2).reshape(n * segments, rgb, h, w)
    motion_frames = x[:, rgb:].transpose(1, 2).reshape(n * segments, length * motion, h, w)
    a, b = stages(spatial, rgb_frames, fuse_after), stages(temporal, motion_frames, fuse_after)
    state = prefixed(trunk_state(spatial), "rgb.") + prefixed(trunk_state(temporal), "motion.")
    state = [(k, v) for k, v in state if not any(".layer%d." % i in k for i in range(fuse_after + 1, 5))]
    if fusion == "conv":
        channels = a.shape[1]
        conv, bn = nn.Conv2d(2 * channels, channels, 1, bias=False), nn.BatchNorm2d(channels)
        holder = resnet.SmallResNet(tv.BasicBlock, BLOCKS, BASE, 2)  # what _make_layer reads from self
        holder.inplanes = channels
        later = tv.ResNet._make_layer(holder, tv.BasicBlock, BASE * 8, 1, stride=2)
        for module in (conv, bn, later):
            resnet.randomise(module, generator)
        fused = later(torch.relu(bn(conv(torch.cat([a, b], dim=1)))))
        state += [("backbone.fusion.conv.weight", conv.weight)]
        state += [("backbone.fusion.bn." + k, v) for k, v in bn.state_dict().items() if "num_batches" not in k]
        state += [(resnet.mmaction2_key("layer4." + k).replace("backbone.", "backbone.fused.", 1), v)
                  for k, v in later.state_dict().items() if "num_batches" not in k]
    else:
        channels, positions = a.shape[1], a.shape[2] * a.shape[3]
        outer = torch.bmm(a.flatten(2), b.flatten(2).transpose(1, 2)) / positions
        flat = outer.flatten(1)
        root = torch.sign(flat) * torch.sqrt(flat.abs() + 1e-8)
        fused = (root / torch.sqrt((root * root).sum(dim=1, keepdim=True) + 1e-8)).view(-1, channels * channels, 1, 1)
    features = fused.view(n, segments, *fused.shape[1:]).transpose(1, 2)
    return state, x, features, {"trunk": {"depth": 18, "baseChannels": BASE, "stageBlocks": BLOCKS},
                                "rgbChannels": rgb, "stackFrames": length, "fuseAfter": fuse_after, "fusion": fusion}


def main():
    for index, (name, make) in enumerate([("early_fusion", early_fusion), ("late_fusion", late_fusion),
                                          ("cnn_lstm", cnn_lstm),
                                          ("two_stream_conv", lambda g: two_stream("conv", 3, g)),
                                          ("two_stream_bilinear", lambda g: two_stream("bilinear", 4, g))]):
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
