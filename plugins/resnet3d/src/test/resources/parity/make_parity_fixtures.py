#!/usr/bin/python3
"""Parity fixtures for the ResNet3D plugin, made by torchvision itself.

Small models (read by ParityTest)
---------------------------------
    /usr/bin/python3 make_parity_fixtures.py            # rewrites the fixtures beside this script

builds small video ResNets from torchvision's own building blocks
(torchvision.models.video.resnet: BasicBlock, Bottleneck, Conv3DSimple, Conv3DNoTemporal,
Conv2Plus1D, and VideoResNet._make_layer for the stages), with stems that mirror BasicStem and
R2Plus1dStem at a reduced width (torchvision hard-codes 64..512 channels and a 45-channel R(2+1)D
stem). Every weight and every batch-norm statistic is random (eval mode), so batch norm is really
tested. For each variant it writes

    <variant>.bin   little-endian float32, the tensors one after another
    <variant>.json  {"config": the resnet3d config keys to build it with,
                     "tensors": [{"name", "shape", "offset" (bytes)}], ...}

The tensors are the parameters and running statistics under torchvision's state-dict names
(num_batches_tracked left out), "input" (N x C x T x H x W) and "output" (the last stage's
output, before pooling).

The I3D variants (i3d, i3d_3x3x3) come from MMAction2's ResNet3d instead, which is not installed
here: a short transcription of it (v1.2.0, mmaction/models/backbones/resnet3d.py: ConvModule,
Bottleneck3d, make_res_layer, the stem with its pools; bottleneck blocks, pytorch style, no
dilation or non-local) is below, with MMAction2's module names, so these fixtures' keys are
MMAction2's ("names": "mmaction2" in the manifest): conv1.conv.weight, layer2.1.conv1.bn.running_var, ...

The non-local variants (i3d_nl_embedded: embedded_gaussian, sub_sample, no scale, as MMAction2's
I3D-NL configs; i3d_nl_embedded_scaled: use_scale, no sub_sample; i3d_nl_dot: dot_product) add a
transcription of mmcv's NonLocal3d (mmcv/cnn/bricks/non_local.py) after the flagged blocks
(layerN.M.non_local_block.g.0.conv.weight, .theta.conv.bias, .conv_out.bn.running_var, ...), every
weight random, conv_out's normally zero-initialised batch norm included.

The SlowFast variants (slowfast: tau 8, alpha 8, beta 8; slowfast_alt: tau 4, alpha 2, beta 4,
fusion kernel 3, lateral norms) transcribe resnet3d_slowfast.py (ResNet3dPathway with its laterals,
ResNet3dSlowFast.forward with its nearest-interpolation frame sampling) and SlowFastHead (average
pooling, concatenation fast first, fc_cls) at one block a stage; their keys are a Recognizer3D's
("names": "mmaction2-recognizer": backbone.slow_path.conv1_lateral.conv.weight, cls_head.fc_cls.bias),
"features" is the head's pooled input (N x (C_fast + C_slow)) and "output" the logits.

The MMAction2 R(2+1)D variant (r2plus1d_mmaction2) transcribes ResNet2Plus1d with its Conv2plus1d
(mmaction2/models/common/conv2plus1d.py: conv_s, bn_s, ReLU, conv_t inside a ConvModule, each with its own
mid width; the 1x1x1 shortcut projections too) at width 4; its keys are MMAction2's ("names": "mmaction2"):
layer1.0.conv1.conv.conv_s.weight, layer2.0.downsample.conv.bn_s.running_var, layer2.0.conv2.bn.bias, ...

    /usr/bin/python3 make_parity_fixtures.py --only r2plus1d_mmaction2   # that fixture alone

    /usr/bin/python3 make_parity_fixtures.py --count    # SlowFast R50 and SlowOnly R50 parameter counts

Full-size models (for a later `action4j model run` comparison; nothing is written to the repo)
--------------------------------------------------------------------------------------------
    /usr/bin/python3 make_parity_fixtures.py --full r3d_18 --out /tmp/parity-r3d_18
    /usr/bin/python3 make_parity_fixtures.py --full mc3_18 --out /tmp/parity-mc3_18
    /usr/bin/python3 make_parity_fixtures.py --full r2plus1d_18 --out /tmp/parity-r2plus1d_18
    /usr/bin/python3 make_parity_fixtures.py --full i3d_r50 --out /tmp/parity-i3d_r50
    /usr/bin/python3 make_parity_fixtures.py --full i3d_nl_r50 --out /tmp/parity-i3d_nl_r50
    /usr/bin/python3 make_parity_fixtures.py --full slowfast_r50 --out /tmp/parity-slowfast_r50
    /usr/bin/python3 make_parity_fixtures.py --full r2plus1d_r34 --out /tmp/parity-r2plus1d_r34

builds torchvision's real architecture (400 classes) with seeded random weights and random
batch-norm statistics and writes into the --out folder:

    <arch>.pth      the state dict, torchvision's key names (what a checkpoint loader reads)
    input.npy       float32 1 x 3 x 16 x 112 x 112
    features.npy    the backbone output before pooling (1 x 512 x 2 x 7 x 7; 16 frames for mc3_18)
    logits.npy      the classifier output (1 x 400)
    model.yaml      an action4j model config with the matching resnet3d keys

then e.g. `./action4j model run DIR/model.yaml --input DIR/input.npy --output DIR/ours.npy` once
the checkpoint can be loaded (torchvision key -> graph name: stem.0 -> backbone/conv1.conv (r3d, mc3)
or conv1.conv_s, stem.1 -> conv1.bn or conv1.bn_s, stem.3 -> conv1.conv_t, stem.4 -> conv1.bn;
layerN.M.convK.0 -> convK.conv, convK.0.0/.0.1/.0.3 -> convK.conv_s/bn_s/conv_t, convK.1 -> convK.bn;
downsample.0/.1 -> downsample.conv/bn; fc -> cls_head/fc_cls, weight transposed; conv weights
permuted 2,3,4,1,0), and compare ours.npy with logits.npy.

i3d_r50 is MMAction2's I3D ResNet-50 (configs/_base_/models/i3d_r50.py) from the transcription
below: its .pth holds a Recognizer3D's keys (backbone.conv1.conv.weight, ...,
cls_head.fc_cls.weight / .bias; 400 classes), its input is 1 x 3 x 32 x 224 x 224 (the 32x2x1
config's clip), features.npy is 1 x 2048 x 4 x 7 x 7 and logits.npy the I3DHead's (average
pooling, fc_cls) 1 x 400.

slowfast_r50 is MMAction2's SlowFast R50 4x16x1 (configs/_base_/models/slowfast_r50.py) with
SlowFastHead (400 classes): slowfast_r50.pth is {'state_dict': Recognizer3D keys}, input.npy
1 x 3 x 32 x 112 x 112 (32 frames at the fast rate: the slow pathway takes 0, 8, 16, 24),
features.npy the head's pooled input as the slowfast backbone returns it (1 x 2304 x 1 x 1 x 1,
fast pathway's 256 channels first), logits.npy 1 x 400; model.yaml is backbone slowfast + head i3d.
"""
import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torchvision
from torchvision.models.video import resnet as tv

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
# randomise: random conv weights (He normal, fan out, as VideoResNet initialises them), conv biases
# (only NonLocal3d's g, theta, phi have one) and random, non-trivial batch-norm weights, biases and
# running statistics; ConvModule: mmcv's, with Conv3d and BN3d.
from parity_fixtures import ConvModule, randomise, save_recognizer, state_tensors, write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def basic_stem(width):
    """torchvision's BasicStem with `width` output channels instead of 64."""
    return nn.Sequential(
        nn.Conv3d(3, width, kernel_size=(3, 7, 7), stride=(1, 2, 2), padding=(1, 3, 3), bias=False),
        nn.BatchNorm3d(width),
        nn.ReLU(inplace=True),
    )


def r2plus1d_stem(mid, width):
    """torchvision's R2Plus1dStem with `mid` (45 there) and `width` (64 there) channels."""
    return nn.Sequential(
        nn.Conv3d(3, mid, kernel_size=(1, 7, 7), stride=(1, 2, 2), padding=(0, 3, 3), bias=False),
        nn.BatchNorm3d(mid),
        nn.ReLU(inplace=True),
        nn.Conv3d(mid, width, kernel_size=(3, 1, 1), stride=(1, 1, 1), padding=(1, 0, 0), bias=False),
        nn.BatchNorm3d(width),
        nn.ReLU(inplace=True),
    )


class SmallVideoResNet(nn.Module):
    """VideoResNet's stem and four stages (no pooling, no fc) with widths base, 2 base, 4 base, 8 base.

    The stages come from VideoResNet._make_layer itself, so the blocks, their downsampling and
    their strides are exactly torchvision's.
    """

    def __init__(self, block, conv_makers, layers, stem, base):
        super().__init__()
        self.stem = stem
        self.inplanes = base
        make = tv.VideoResNet._make_layer
        self.layer1 = make(self, block, conv_makers[0], base, layers[0], stride=1)
        self.layer2 = make(self, block, conv_makers[1], base * 2, layers[1], stride=2)
        self.layer3 = make(self, block, conv_makers[2], base * 4, layers[2], stride=2)
        self.layer4 = make(self, block, conv_makers[3], base * 8, layers[3], stride=2)

    def forward(self, x):
        x = self.stem(x)
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))


BASE = 3          # odd widths also exercise R(2+1)D's mid-channel formula off round numbers
STEM_MID = 5      # the R(2+1)D stem's mid width (45 in r2plus1d_18)
BLOCKS = [2, 1, 1, 1]  # a second block in stage 1: no downsample, mid channels from (planes, planes)
INPUT_SHAPE = (1, 3, 8, 20, 20)  # odd sizes after the stem (10, 5, 3, 2) test the padding

SIMPLE = [tv.Conv3DSimple] * 4
MIXED = [tv.Conv3DSimple] + [tv.Conv3DNoTemporal] * 3
FACTORISED = [tv.Conv2Plus1D] * 4

# variant -> (block, conv makers, stem, resnet3d config keys)
VARIANTS = {
    "r3d": (tv.BasicBlock, SIMPLE, lambda: basic_stem(BASE), {"depth": 18, "convType": "3d"}),
    "mc3": (tv.BasicBlock, MIXED, lambda: basic_stem(BASE), {"depth": 18, "convType": "mc3",
                                                              "temporalStrides": [1, 1, 1, 1]}),
    "r2plus1d": (tv.BasicBlock, FACTORISED, lambda: r2plus1d_stem(STEM_MID, BASE),
                 {"depth": 18, "convType": "2plus1d"}),
    "r3d_bottleneck": (tv.Bottleneck, SIMPLE, lambda: basic_stem(BASE), {"depth": 50, "convType": "3d"}),
    "r2plus1d_bottleneck": (tv.Bottleneck, FACTORISED, lambda: r2plus1d_stem(STEM_MID, BASE),
                            {"depth": 50, "convType": "2plus1d"}),
}


# ---- MMAction2's ResNet3d, transcribed (see the header); module names are MMAction2's. ----

I3D_INFLATE = ((1, 1, 1), (1, 0, 1, 0), (1, 0, 1, 0, 1, 0), (0, 1, 0))


class NonLocal3d(nn.Module):
    """mmcv's NonLocal3d (mmcv/cnn/bricks/non_local.py, _NonLocalNd), modes embedded_gaussian and
    dot_product, reduction 2, as MMAction2's ResNet3d builds it (conv_out with BN3d, no activation).
    With sub_sample, g and phi become Sequential(ConvModule, MaxPool3d((1, 2, 2))): keys g.0.conv.*."""

    def __init__(self, in_channels, sub_sample=False, use_scale=True, mode='embedded_gaussian'):
        super().__init__()
        assert mode in ('embedded_gaussian', 'dot_product')
        self.in_channels, self.inter_channels = in_channels, in_channels // 2
        self.use_scale, self.mode = use_scale, mode
        self.g = ConvModule(in_channels, self.inter_channels, 1, relu=False, norm=False)
        self.conv_out = ConvModule(self.inter_channels, in_channels, 1, relu=False)
        self.theta = ConvModule(in_channels, self.inter_channels, 1, relu=False, norm=False)
        self.phi = ConvModule(in_channels, self.inter_channels, 1, relu=False, norm=False)
        if sub_sample:
            pool = nn.MaxPool3d(kernel_size=(1, 2, 2))
            self.g = nn.Sequential(self.g, pool)
            self.phi = nn.Sequential(self.phi, pool)

    def forward(self, x):
        n = x.size(0)
        g_x = self.g(x).view(n, self.inter_channels, -1).permute(0, 2, 1)
        theta_x = self.theta(x).view(n, self.inter_channels, -1).permute(0, 2, 1)
        phi_x = self.phi(x).view(n, self.inter_channels, -1)
        pairwise = torch.matmul(theta_x, phi_x)
        if self.mode == 'embedded_gaussian':
            if self.use_scale:
                pairwise /= theta_x.shape[-1] ** 0.5
            pairwise = pairwise.softmax(dim=-1)
        else:
            pairwise /= pairwise.shape[-1]
        y = torch.matmul(pairwise, g_x)
        y = y.permute(0, 2, 1).contiguous().reshape(n, self.inter_channels, *x.size()[2:])
        return x + self.conv_out(y)


class Bottleneck3d(nn.Module):
    """Bottleneck3d, style 'pytorch' (the stride on conv2)."""

    def __init__(self, inplanes, planes, spatial_stride, temporal_stride, downsample, inflate, inflate_style,
                 non_local=False, non_local_cfg=None):
        super().__init__()
        if inflate and inflate_style == '3x1x1':
            k1, p1, k2, p2 = (3, 1, 1), (1, 0, 0), (1, 3, 3), (0, 1, 1)
        elif inflate:
            k1, p1, k2, p2 = 1, 0, (3, 3, 3), (1, 1, 1)
        else:
            k1, p1, k2, p2 = 1, 0, (1, 3, 3), (0, 1, 1)
        self.conv1 = ConvModule(inplanes, planes, k1, 1, p1)
        self.conv2 = ConvModule(planes, planes, k2, (temporal_stride, spatial_stride, spatial_stride), p2)
        self.conv3 = ConvModule(planes, planes * 4, 1, relu=False)
        self.downsample = downsample
        self.relu = nn.ReLU(inplace=True)
        self.non_local = non_local
        if non_local:
            self.non_local_block = NonLocal3d(planes * 4, **(non_local_cfg or {}))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.conv3(self.conv2(self.conv1(x))) + identity)
        return self.non_local_block(out) if self.non_local else out


class ResNet3d(nn.Module):
    """ResNet3d with bottleneck blocks; the defaults are i3d_r50.py's. `inflate` per stage: an int
    for every block or one flag per block, as MMAction2's _ntuple / make_res_layer take it."""

    def __init__(self, stage_blocks=(3, 4, 6, 3), base_channels=64, conv1_kernel=(5, 7, 7), conv1_stride_t=2,
                 pool1_stride_t=2, with_pool2=True, spatial_strides=(1, 2, 2, 2), temporal_strides=(1, 1, 1, 1),
                 inflate=I3D_INFLATE, inflate_style='3x1x1', non_local=(0, 0, 0, 0), non_local_cfg=None,
                 lateral_inplanes=(0, 0, 0, 0)):
        super().__init__()
        self.base_channels = base_channels
        self.conv1 = ConvModule(3, base_channels, conv1_kernel, (conv1_stride_t, 2, 2),
                                tuple((k - 1) // 2 for k in conv1_kernel))
        self.maxpool = nn.MaxPool3d((1, 3, 3), (pool1_stride_t, 2, 2), (0, 1, 1))
        self.pool2 = nn.MaxPool3d((2, 1, 1), (2, 1, 1))
        self.with_pool2 = with_pool2
        inplanes = base_channels
        for i, blocks in enumerate(stage_blocks):
            planes = base_channels * 2 ** i
            flags = (inflate[i],) * blocks if isinstance(inflate[i], int) else inflate[i]
            nl_flags = (non_local[i],) * blocks if isinstance(non_local[i], int) else non_local[i]
            assert len(flags) == blocks and len(nl_flags) == blocks
            inplanes += lateral_inplanes[i]  # SlowFast's slow pathway: the fast pathway's lateral channels
            downsample = None
            if spatial_strides[i] != 1 or inplanes != planes * 4:
                downsample = ConvModule(inplanes, planes * 4, 1, (temporal_strides[i], spatial_strides[i],
                                                                  spatial_strides[i]), relu=False)
            layers = []
            for b in range(blocks):
                first = b == 0
                layers.append(Bottleneck3d(inplanes, planes, spatial_strides[i] if first else 1,
                                           temporal_strides[i] if first else 1, downsample if first else None,
                                           flags[b] == 1, inflate_style, nl_flags[b] == 1, non_local_cfg))
                inplanes = planes * 4
            self.add_module('layer%d' % (i + 1), nn.Sequential(*layers))

    def forward(self, x):
        x = self.maxpool(self.conv1(x))
        x = self.layer1(x)
        if self.with_pool2:
            x = self.pool2(x)
        return self.layer4(self.layer3(self.layer2(x)))


I3D_BASE = 2
I3D_BLOCKS = (1, 2, 1, 1)                 # a second block in stage 2: one inflated, one not
I3D_SMALL_INFLATE = ((1,), (1, 0), (1,), (0,))
# The resnet3d keys of MMAction2's I3D (i3d_r50.py) besides depth, width and blocks.
I3D_KEYS = {"stemKernel": [5, 7, 7], "stemStride": [2, 2, 2], "stemPool": True, "stemPoolStride": [2, 2, 2],
            "withPool2": True, "temporalStrides": [1, 1, 1, 1]}

# variant -> (inflate style, input shape); time 16 -> stem 8 -> pool1 4 -> pool2 2, space 36 x 28 -> 2 x 1
I3D_VARIANTS = {
    "i3d": ("3x1x1", (1, 3, 16, 36, 28)),
    "i3d_3x3x3": ("3x3x3", (1, 3, 8, 36, 28)),
}


def make_small_i3d(folder, seed):
    for index, (variant, (style, shape)) in enumerate(I3D_VARIANTS.items()):
        generator = torch.Generator().manual_seed(seed + index)
        torch.manual_seed(seed + index)
        model = randomise(ResNet3d(I3D_BLOCKS, I3D_BASE, inflate=I3D_SMALL_INFLATE, inflate_style=style), generator)
        x = torch.randn(shape, generator=generator)
        with torch.no_grad():
            y = model(x)
        config = dict(I3D_KEYS, depth=50, convType="3d", baseChannels=I3D_BASE, stageBlocks=list(I3D_BLOCKS),
                      inflate=[list(flags) for flags in I3D_SMALL_INFLATE], inflateStyle=style)
        size = write_fixture(folder, variant, state_tensors(model) + [("input", x), ("output", y)], {
            "variant": variant,
            "names": "mmaction2",
            "config": config,
            "madeBy": "make_parity_fixtures.py (MMAction2 ResNet3d transcription), torch %s" % torch.__version__,
            "outputMaxAbs": float(y.abs().max()),
            "outputStd": float(y.std()),
        })
        print("%-20s output %s max|y| %.3f, %d bytes" % (variant, tuple(y.shape), float(y.abs().max()), size))


def make_small(folder):
    for index, (variant, (block, makers, stem, keys)) in enumerate(VARIANTS.items()):
        generator = torch.Generator().manual_seed(1000 + index)
        torch.manual_seed(1000 + index)  # module construction draws default initial values
        model = randomise(SmallVideoResNet(block, makers, BLOCKS, stem(), BASE), generator)
        x = torch.randn(INPUT_SHAPE, generator=generator)
        with torch.no_grad():
            y = model(x)
        config = dict(keys, baseChannels=BASE, stageBlocks=BLOCKS, stemMidChannels=STEM_MID)
        size = write_fixture(folder, variant, state_tensors(model) + [("input", x), ("output", y)], {
            "variant": variant,
            "config": config,
            "madeBy": "make_parity_fixtures.py, torch %s, torchvision %s" % (torch.__version__, torchvision.__version__),
            "outputMaxAbs": float(y.abs().max()),
            "outputStd": float(y.std()),
        })
        print("%-20s output %s max|y| %.3f, %d bytes" % (variant, tuple(y.shape), float(y.abs().max()), size))
    make_small_i3d(folder, 1000 + len(VARIANTS))
    make_small_non_local(folder, 1100)
    make_small_slowfast(folder, 1200)
    make_small_r2plus1d_mmaction2(folder, 1300)

# ---- Non-local blocks (MMAction2's I3D-NL: non_local per block, non_local_cfg) ----

NL_BLOCKS = (1, 2, 2, 1)
NL_FLAGS = ((0,), (0, 1), (1, 0), (0,))     # MMAction2's i3d nl pattern, cut to two blocks a stage
NL_INPUT = (1, 3, 4, 48, 40)  # no time stride in the stem: stage 2 is 2 x 6 x 5 (sub-sampled 3 x 2), stage 3 2 x 3 x 3 (1 x 1)
# theta and phi weights scaled down: dot_product does not normalise, and its blocks would blow the output up
NL_SCALE = {"embedded_gaussian": 0.5, "dot_product": 0.1}

# variant -> (mode, sub_sample, use_scale)
NL_VARIANTS = {
    "i3d_nl_embedded": ("embedded_gaussian", True, False),   # MMAction2's i3d nonlocal configs
    "i3d_nl_embedded_scaled": ("embedded_gaussian", False, True),
    "i3d_nl_dot": ("dot_product", True, False),
}


def make_small_non_local(folder, seed):
    """I3D with non-local blocks. randomise() gives every conv, conv bias and batch norm (conv_out's
    included, zero-initialised in MMAction2) random values, so the blocks really contribute."""
    for index, (variant, (mode, sub_sample, use_scale)) in enumerate(NL_VARIANTS.items()):
        generator = torch.Generator().manual_seed(seed + index)
        torch.manual_seed(seed + index)
        cfg = dict(sub_sample=sub_sample, use_scale=use_scale, mode=mode)
        model = randomise(ResNet3d(NL_BLOCKS, I3D_BASE, conv1_stride_t=1, pool1_stride_t=1,
                                   inflate=((1,), (1, 0), (1, 0), (0,)), non_local=NL_FLAGS, non_local_cfg=cfg),
                          generator)
        with torch.no_grad():
            for module in model.modules():
                if isinstance(module, NonLocal3d):
                    for branch in (module.theta, module.phi):
                        conv = branch[0].conv if isinstance(branch, nn.Sequential) else branch.conv
                        conv.weight.mul_(NL_SCALE[mode])
        x = torch.randn(NL_INPUT, generator=generator)
        with torch.no_grad():
            y = model(x)
            # How much the non-local blocks change the output: a check that they are really tested.
            for module in model.modules():
                if isinstance(module, Bottleneck3d):
                    module.non_local = False
            delta = float((model(x) - y).abs().max())
        config = dict(I3D_KEYS, depth=50, convType="3d", baseChannels=I3D_BASE, stageBlocks=list(NL_BLOCKS),
                      stemStride=[1, 2, 2], stemPoolStride=[1, 2, 2], inflate=[[1], [1, 0], [1, 0], [0]], inflateStyle="3x1x1",
                      nonLocal=[list(flags) for flags in NL_FLAGS], nonLocalMode=mode,
                      nonLocalSubSample=sub_sample, nonLocalUseScale=use_scale)
        size = write_fixture(folder, variant, state_tensors(model) + [("input", x), ("output", y)], {
            "variant": variant,
            "names": "mmaction2",
            "config": config,
            "madeBy": "make_parity_fixtures.py (MMAction2 ResNet3d + mmcv NonLocal3d transcription), torch %s"
                      % torch.__version__,
            "outputMaxAbs": float(y.abs().max()),
            "outputStd": float(y.std()),
            "nonLocalEffectMaxAbs": delta,
        })
        print("%-20s output %s max|y| %.3f, non-local effect %.3f, %d bytes" % (
            variant, tuple(y.shape), float(y.abs().max()), delta, size))


# ---- SlowFast (resnet3d_slowfast.py: ResNet3dPathway, ResNet3dSlowFast; slowfast_head.py) ----

class ResNet3dPathway(ResNet3d):
    """ResNet3dPathway with lateral connections (lateral_inv False): conv1_lateral and
    layer1..3_lateral, ConvModule(kernel (fusion_kernel, 1, 1), stride (speed_ratio, 1, 1), no bias,
    BN + ReLU only with lateral_norm), on the fast features, concatenated after the slow ones."""

    def __init__(self, lateral=False, speed_ratio=8, channel_ratio=8, fusion_kernel=5, lateral_infl=2,
                 lateral_norm=False, **kwargs):
        base = kwargs.get('base_channels', 64)
        # _calculate_lateral_inplanes for bottlenecks (expansion 4), every lateral_activate 1
        lateral_inplanes = [base * 2 ** i * 2 ** (i > 0) * lateral_infl // channel_ratio if lateral else 0
                            for i in range(4)]
        super().__init__(lateral_inplanes=lateral_inplanes, **kwargs)
        self.lateral = lateral
        self.lateral_connections = []
        if not lateral:
            return

        def lateral_conv(inplanes):
            return ConvModule(inplanes // channel_ratio, inplanes * lateral_infl // channel_ratio, (fusion_kernel, 1, 1),
                              (speed_ratio, 1, 1), ((fusion_kernel - 1) // 2, 0, 0), relu=lateral_norm,
                              norm=lateral_norm, bias=False)
        self.conv1_lateral = lateral_conv(base)
        for i in range(3):  # no lateral connection after the last stage
            name = 'layer%d_lateral' % (i + 1)
            setattr(self, name, lateral_conv(base * 2 ** i * 4))
            self.lateral_connections.append(name)


SLOW_PATHWAY = dict(lateral=True, conv1_kernel=(1, 7, 7), conv1_stride_t=1, pool1_stride_t=1, inflate=(0, 0, 1, 1),
                    with_pool2=False)
FAST_PATHWAY = dict(lateral=False, base_channels=8, conv1_kernel=(5, 7, 7), conv1_stride_t=1, pool1_stride_t=1,
                    inflate=(1, 1, 1, 1), with_pool2=False)


class ResNet3dSlowFast(nn.Module):
    """ResNet3dSlowFast.forward as MMAction2 has it (pool2 is never applied, pool1 always)."""

    def __init__(self, resample_rate=8, speed_ratio=8, channel_ratio=8, slow_pathway=None, fast_pathway=None):
        super().__init__()
        self.resample_rate, self.speed_ratio = resample_rate, speed_ratio
        slow = dict(SLOW_PATHWAY, **(slow_pathway or {}))
        if slow['lateral']:
            slow.update(speed_ratio=speed_ratio, channel_ratio=channel_ratio)
        self.slow_path = ResNet3dPathway(**slow)
        self.fast_path = ResNet3dPathway(**dict(FAST_PATHWAY, **(fast_pathway or {})))

    def forward(self, x):
        x_slow = nn.functional.interpolate(x, mode='nearest', scale_factor=(1.0 / self.resample_rate, 1.0, 1.0))
        x_slow = self.slow_path.maxpool(self.slow_path.conv1(x_slow))
        x_fast = nn.functional.interpolate(x, mode='nearest', scale_factor=(
            1.0 / (self.resample_rate // self.speed_ratio), 1.0, 1.0))
        x_fast = self.fast_path.maxpool(self.fast_path.conv1(x_fast))
        if self.slow_path.lateral:
            x_slow = torch.cat((x_slow, self.slow_path.conv1_lateral(x_fast)), dim=1)
        for i in range(4):
            layer = 'layer%d' % (i + 1)
            x_slow = getattr(self.slow_path, layer)(x_slow)
            x_fast = getattr(self.fast_path, layer)(x_fast)
            if i != 3 and self.slow_path.lateral:
                x_slow = torch.cat((x_slow, getattr(self.slow_path, self.slow_path.lateral_connections[i])(x_fast)),
                                   dim=1)
        return x_slow, x_fast


def slowfast_head(features, fc_cls):
    """SlowFastHead at inference (dropout off): average-pool each pathway, concatenate FAST first, fc_cls."""
    x_slow, x_fast = features
    pooled = torch.cat((x_fast.mean(dim=(2, 3, 4)), x_slow.mean(dim=(2, 3, 4))), dim=1)
    return pooled, fc_cls(pooled)


SF_INPUT = (1, 3, 16, 32, 32)
SF_CLASSES = 5
# variant -> (ResNet3dSlowFast kwargs, slowfast config keys). The second uses other ratios, a
# 3-tap fusion, lateral norms and a sub-sampled fast input (resample_rate // speed_ratio = 2).
SF_VARIANTS = {
    "slowfast": (dict(resample_rate=8, speed_ratio=8, channel_ratio=8,
                      slow_pathway=dict(base_channels=8, stage_blocks=(1, 1, 1, 1)),
                      fast_pathway=dict(base_channels=1, stage_blocks=(1, 1, 1, 1))),
                 {"resampleRate": 8, "speedRatio": 8, "channelRatio": 8,
                  "slowPathway": {"baseChannels": 8, "stageBlocks": [1, 1, 1, 1]},
                  "fastPathway": {"baseChannels": 1, "stageBlocks": [1, 1, 1, 1]}}),
    "slowfast_alt": (dict(resample_rate=4, speed_ratio=2, channel_ratio=4,
                          slow_pathway=dict(base_channels=4, stage_blocks=(1, 1, 1, 1), fusion_kernel=3,
                                            lateral_norm=True),
                          fast_pathway=dict(base_channels=1, stage_blocks=(1, 1, 1, 1))),
                     {"resampleRate": 4, "speedRatio": 2, "channelRatio": 4, "fusionKernel": 3, "lateralNorm": True,
                      "slowPathway": {"baseChannels": 4, "stageBlocks": [1, 1, 1, 1]},
                      "fastPathway": {"baseChannels": 1, "stageBlocks": [1, 1, 1, 1]}}),
}


def make_small_slowfast(folder, seed):
    """Recognizer3D keys (backbone.slow_path..., cls_head.fc_cls...); "features" is the head's pooled,
    concatenated input (N x (C_fast + C_slow)), "output" its logits."""
    for index, (variant, (kwargs, config)) in enumerate(SF_VARIANTS.items()):
        generator = torch.Generator().manual_seed(seed + index)
        torch.manual_seed(seed + index)
        backbone = randomise(ResNet3dSlowFast(**kwargs), generator)
        x_slow_c = backbone.slow_path.layer4[-1].conv3.conv.out_channels
        x_fast_c = backbone.fast_path.layer4[-1].conv3.conv.out_channels
        fc_cls = nn.Linear(x_slow_c + x_fast_c, SF_CLASSES)
        x = torch.randn(SF_INPUT, generator=generator)
        with torch.no_grad():
            fc_cls.weight.copy_(0.5 * torch.randn(fc_cls.weight.shape, generator=generator))
            fc_cls.bias.copy_(0.5 * torch.randn(fc_cls.bias.shape, generator=generator))
            features, logits = slowfast_head(backbone(x), fc_cls)
        state = [("backbone." + k, v) for k, v in state_tensors(backbone)]
        state += [("cls_head.fc_cls." + k, v) for k, v in fc_cls.state_dict().items()]
        size = write_fixture(folder, variant, state + [("input", x), ("features", features), ("output", logits)], {
            "variant": variant,
            "names": "mmaction2-recognizer",
            "config": dict(config, numClasses=SF_CLASSES),
            "madeBy": "make_parity_fixtures.py (MMAction2 ResNet3dSlowFast + SlowFastHead transcription), torch %s"
                      % torch.__version__,
            "outputMaxAbs": float(logits.abs().max()),
            "outputStd": float(logits.std()),
        })
        print("%-20s features %s logits %s max|y| %.3f, %d bytes" % (
            variant, tuple(features.shape), tuple(logits.shape), float(logits.abs().max()), size))


SLOWFAST_R50_YAML = """# MMAction2's SlowFast R50 4x16x1 (slowfast_r50.py: resample_rate 8, speed_ratio 8, channel_ratio 8)
# with the random weights in slowfast_r50.pth. The slowfast backbone's defaults are that model; its
# output is both pathways average-pooled and concatenated (fast first, as SlowFastHead does), so the
# i3d head computes SlowFastHead.
model:
  backbone:
    type: slowfast
  clsHead:
    type: i3d
    numClasses: 400
"""


def make_full_slowfast(folder):
    """MMAction2's SlowFast R50 4x16x1 at full size: {'state_dict': Recognizer3D keys}, 1 x 3 x 32 x 112 x 112."""
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    backbone = randomise(ResNet3dSlowFast(), generator)
    fc_cls = nn.Linear(2304, 400)
    with torch.no_grad():
        fc_cls.weight.copy_(0.01 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.01 * torch.randn(fc_cls.bias.shape, generator=generator))
        x = torch.randn((1, 3, 32, 112, 112), generator=generator)
        features, logits = slowfast_head(backbone(x), fc_cls)
    save_recognizer(folder, "slowfast_r50.pth", backbone, fc_cls, x, features.reshape(1, -1, 1, 1, 1), logits,
                    SLOWFAST_R50_YAML, wrapped=True)
    count = sum(p.numel() for p in backbone.parameters())
    print("slowfast_r50: backbone %d parameters (%d with the 400-class fc_cls); wrote %s (features %s, logits %s)" % (
        count, count + sum(p.numel() for p in fc_cls.parameters()), folder, tuple(features.shape),
        tuple(logits.shape)))


def count_parameters():
    """The parameter counts the Java tests assert."""
    sf = ResNet3dSlowFast()
    so = ResNet3d(conv1_kernel=(1, 7, 7), conv1_stride_t=1, pool1_stride_t=1, with_pool2=False, inflate=(0, 0, 1, 1))
    for name, model, head in (("slowfast_r50", sf, 2304 * 400 + 400), ("slowonly_r50", so, 2048 * 400 + 400)):
        count = sum(p.numel() for p in model.parameters())
        print("%s: backbone %d, with a 400-class fc_cls %d" % (name, count, count + head))


FULL = {
    "r3d_18": (tv.r3d_18, {"convType": "3d"}),
    "mc3_18": (tv.mc3_18, {"convType": "mc3", "temporalStrides": [1, 1, 1, 1]}),
    "r2plus1d_18": (tv.r2plus1d_18, {"convType": "2plus1d"}),
}


def make_full(arch, folder):
    build, keys = FULL[arch]
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    model = build()  # torchvision's own init for conv and fc; batch norm randomised below
    randomise(model, generator)
    with torch.no_grad():
        model.fc.bias.copy_(0.01 * torch.randn(model.fc.bias.shape, generator=generator))
    x = torch.randn((1, 3, 16, 112, 112), generator=generator)
    with torch.no_grad():
        features = model.layer4(model.layer3(model.layer2(model.layer1(model.stem(x)))))
        logits = model(x)
    torch.save(model.state_dict(), os.path.join(folder, arch + ".pth"))
    np.save(os.path.join(folder, "input.npy"), x.numpy())
    np.save(os.path.join(folder, "features.npy"), features.numpy())
    np.save(os.path.join(folder, "logits.npy"), logits.numpy())
    lines = ["# torchvision's %s with the random weights in %s.pth" % (arch, arch), "model:", "  backbone:",
             "    type: resnet3d", "    depth: 18"]
    lines += ["    %s: %s" % (k, json.dumps(v)) for k, v in keys.items()]
    lines += ["  clsHead:", "    type: i3d", "    numClasses: 400"]
    with open(os.path.join(folder, "model.yaml"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("%s: %d parameters; wrote %s (features %s, logits %s)" % (
        arch, sum(p.numel() for p in model.parameters()), folder, tuple(features.shape), tuple(logits.shape)))


I3D_R50_YAML = """# MMAction2's I3D ResNet-50 (i3d_r50.py) with the random weights in i3d_r50.pth
model:
  backbone:
    type: resnet3d
    depth: 50
    stemKernel: [5, 7, 7]
    stemStride: [2, 2, 2]
    stemPool: true
    stemPoolStride: [2, 2, 2]
    withPool2: true
    temporalStrides: [1, 1, 1, 1]
    inflate: [[1, 1, 1], [1, 0, 1, 0], [1, 0, 1, 0, 1, 0], [0, 1, 0]]
    inflateStyle: 3x1x1
  clsHead:
    type: i3d
    numClasses: 400
"""


# MMAction2's I3D-NL (i3d_r50 + non_local in stages 2 and 3, embedded Gaussian, sub-sampled).
I3D_NL_FLAGS = ((0, 0, 0), (0, 1, 0, 1), (0, 1, 0, 1, 0, 1), (0, 0, 0))
I3D_NL_CFG = dict(sub_sample=True, use_scale=False, mode="embedded_gaussian")
I3D_NL_YAML_KEYS = """    nonLocal: [[0, 0, 0], [0, 1, 0, 1], [0, 1, 0, 1, 0, 1], [0, 0, 0]]
    nonLocalMode: embedded_gaussian
    nonLocalSubSample: true
    nonLocalUseScale: false
"""


def make_full_i3d(folder, non_local=False):
    """MMAction2's I3D R50 at full size (with its non-local blocks if asked): Recognizer3D keys, a
    32-frame 224 x 224 clip."""
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    name = "i3d_nl_r50" if non_local else "i3d_r50"
    backbone = randomise(ResNet3d(non_local=I3D_NL_FLAGS if non_local else (0, 0, 0, 0),
                                  non_local_cfg=I3D_NL_CFG if non_local else None), generator)
    if non_local:
        # With random statistics the activations reach ~1e4; unscaled theta and phi then saturate the
        # softmax over thousands of positions, and PyTorch's own float32 logits differ from its float64
        # ones by 1e-2 of the largest (1.2e-4 at a scale of 0.1, 3e-6 at this one): compare where the
        # reference itself is stable.
        with torch.no_grad():
            for module in backbone.modules():
                if isinstance(module, NonLocal3d):
                    for branch in (module.theta, module.phi):
                        (branch[0].conv if isinstance(branch, nn.Sequential) else branch.conv).weight.mul_(0.01)
    fc_cls = nn.Linear(2048, 400)
    with torch.no_grad():
        fc_cls.weight.copy_(0.01 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.01 * torch.randn(fc_cls.bias.shape, generator=generator))
        x = torch.randn((1, 3, 32, 224, 224), generator=generator)
        features = backbone(x)
        logits = fc_cls(features.mean(dim=(2, 3, 4)))
        if non_local:
            # How much the non-local blocks change the features: they are really compared.
            blocks = [module for module in backbone.modules() if isinstance(module, Bottleneck3d) and module.non_local]
            for block in blocks:
                block.non_local = False
            print("i3d_nl_r50: the %d non-local blocks change the features by up to %.3g (max |feature| %.3g)" % (
                len(blocks), float((backbone(x) - features).abs().max()), float(features.abs().max())))
            for block in blocks:
                block.non_local = True
    yaml = I3D_R50_YAML.replace("i3d_r50.pth", name + ".pth")
    if non_local:
        yaml = yaml.replace("    inflateStyle:", I3D_NL_YAML_KEYS + "    inflateStyle:")
    save_recognizer(folder, name + ".pth", backbone, fc_cls, x, features, logits, yaml)
    print("%s: backbone %d parameters (%d with the 400-class fc_cls); wrote %s (features %s, logits %s)" % (
        name, sum(p.numel() for p in backbone.parameters()),
        sum(p.numel() for p in backbone.parameters()) + sum(p.numel() for p in fc_cls.parameters()),
        folder, tuple(features.shape), tuple(logits.shape)))


# ---- MMAction2's ResNet2Plus1d (conv_cfg=dict(type='Conv2plus1d')) ----

class Conv2plus1d(nn.Module):
    """mmaction2/models/common/conv2plus1d.py (v1.2.0): a (1, kH, kW) convolution to a mid width chosen to
    keep the parameter count of the 3D one, batch norm, ReLU, then a (kT, 1, 1) convolution; no bias (the
    ConvModule passes bias=False). Its bn_s takes Conv2plus1d's own default norm_cfg, BN3d with eps 1e-5:
    mmcv's build_conv_layer hands the conv layer only conv_cfg, and the backbone's norm_cfg (eps 1e-3 in
    the R(2+1)D configs) reaches the ConvModule's bn alone."""

    def __init__(self, cin, cout, kernel, stride, padding):
        super().__init__()
        kernel, stride, padding = (tuple(v) if isinstance(v, tuple) else (v,) * 3 for v in (kernel, stride, padding))
        mid_channels = 3 * (cin * cout * kernel[1] * kernel[2])
        mid_channels /= (cin * kernel[1] * kernel[2] + 3 * cout)
        mid_channels = int(mid_channels)
        self.conv_s = nn.Conv3d(cin, mid_channels, (1, kernel[1], kernel[2]), (1, stride[1], stride[2]),
                                (0, padding[1], padding[2]), bias=False)
        self.bn_s = nn.BatchNorm3d(mid_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv_t = nn.Conv3d(mid_channels, cout, (kernel[0], 1, 1), (stride[0], 1, 1), (padding[0], 0, 0),
                                bias=False)

    def forward(self, x):
        return self.conv_t(self.relu(self.bn_s(self.conv_s(x))))


class ConvModule2plus1d(nn.Module):
    """mmcv's ConvModule with conv_cfg Conv2plus1d: conv (a Conv2plus1d), bn, optional ReLU."""

    def __init__(self, cin, cout, kernel, stride, padding, eps, relu=True):
        super().__init__()
        self.conv = Conv2plus1d(cin, cout, kernel, stride, padding)
        self.bn = nn.BatchNorm3d(cout, eps=eps)
        self.activate = nn.ReLU(inplace=True) if relu else None

    def forward(self, x):
        x = self.bn(self.conv(x))
        return x if self.activate is None else self.activate(x)


class BasicBlock2plus1d(nn.Module):
    """MMAction2's BasicBlock3d (inflated: 3x3x3 kernels) with Conv2plus1d convolutions."""

    def __init__(self, inplanes, planes, spatial_stride, temporal_stride, downsample, eps):
        super().__init__()
        stride = (temporal_stride, spatial_stride, spatial_stride)
        self.conv1 = ConvModule2plus1d(inplanes, planes, (3, 3, 3), stride, (1, 1, 1), eps)
        self.conv2 = ConvModule2plus1d(planes, planes, (3, 3, 3), (1, 1, 1), (1, 1, 1), eps, relu=False)
        self.downsample = downsample
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        return self.relu(self.conv2(self.conv1(x)) + identity)


class ResNet2Plus1d(nn.Module):
    """MMAction2's ResNet2Plus1d (resnet2plus1d.py on ResNet3d) with basic blocks, as
    r2plus1d_r34_8xb8-8x8x1-180e_kinetics400-rgb.py builds it: conv1 (3, 7, 7) stride (1, 2, 2), the
    (1, 3, 3) max pool with stride (1, 2, 2), no pool2, spatial and temporal strides (1, 2, 2, 2), every
    block inflated, norm eps 1e-3; the 1x1x1 shortcut projections are Conv2plus1d too (make_res_layer
    passes conv_cfg on)."""

    def __init__(self, stage_blocks=(3, 4, 6, 3), base_channels=64, eps=1e-3):
        super().__init__()
        self.conv1 = ConvModule2plus1d(3, base_channels, (3, 7, 7), (1, 2, 2), (1, 3, 3), eps)
        self.maxpool = nn.MaxPool3d((1, 3, 3), (1, 2, 2), (0, 1, 1))
        inplanes = base_channels
        for i, blocks in enumerate(stage_blocks):
            planes = base_channels * 2 ** i
            spatial, temporal = (1, 2, 2, 2)[i], (1, 2, 2, 2)[i]
            downsample = None
            if spatial != 1 or inplanes != planes:
                downsample = ConvModule2plus1d(inplanes, planes, (1, 1, 1), (temporal, spatial, spatial),
                                               (0, 0, 0), eps, relu=False)
            layers = [BasicBlock2plus1d(inplanes, planes, spatial, temporal, downsample, eps)]
            inplanes = planes
            layers += [BasicBlock2plus1d(inplanes, planes, 1, 1, None, eps) for _ in range(1, blocks)]
            self.add_module('layer%d' % (i + 1), nn.Sequential(*layers))

    def forward(self, x):
        x = self.maxpool(self.conv1(x))
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))


# The resnet3d keys of MMAction2's R(2+1)D-34 besides depth, width and blocks.
R2PLUS1D_MMACTION2_KEYS = {"convType": "conv2plus1d", "stemKernel": [3, 7, 7], "stemStride": [1, 2, 2],
                           "stemPool": True, "stemPoolStride": [1, 2, 2], "bnEpsilon": 0.001}


def make_small_r2plus1d_mmaction2(folder, seed):
    """A small ResNet2Plus1d: two blocks in stage 2 (a block without projection), width 4, 8 x 40 x 32 input."""
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    blocks = (1, 2, 1, 1)
    model = randomise(ResNet2Plus1d(blocks, base_channels=4), generator)
    x = torch.randn((1, 3, 8, 40, 32), generator=generator)
    with torch.no_grad():
        y = model(x)
    config = dict(R2PLUS1D_MMACTION2_KEYS, depth=18, baseChannels=4, stageBlocks=list(blocks))
    size = write_fixture(folder, "r2plus1d_mmaction2", state_tensors(model) + [("input", x), ("output", y)], {
        "variant": "r2plus1d_mmaction2",
        "names": "mmaction2",
        "config": config,
        "madeBy": "make_parity_fixtures.py (MMAction2 ResNet2Plus1d transcription), torch %s" % torch.__version__,
        "outputMaxAbs": float(y.abs().max()),
        "outputStd": float(y.std()),
    })
    print("%-20s output %s max|y| %.3f, %d bytes" % ("r2plus1d_mmaction2", tuple(y.shape), float(y.abs().max()), size))


R2PLUS1D_R34_YAML = """# MMAction2's R(2+1)D-34 (r2plus1d_r34_8xb8-8x8x1-180e_kinetics400-rgb.py), random weights.
model:
  backbone:
    type: resnet3d
    depth: 34
    convType: conv2plus1d
    stemKernel: [3, 7, 7]
    stemStride: [1, 2, 2]
    stemPool: true
    stemPoolStride: [1, 2, 2]
    bnEpsilon: 0.001
  clsHead:
    type: i3d
    numClasses: 400
"""


def make_full_r2plus1d_r34(folder):
    """MMAction2's R(2+1)D-34 at full size: Recognizer3D keys (backbone.*, cls_head.fc_cls.*), an 8 x 112 x 112
    clip as its 8x8x1 config feeds it."""
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(11)
    generator = torch.Generator().manual_seed(11)
    backbone = randomise(ResNet2Plus1d(), generator)
    fc_cls = nn.Linear(512, 400)
    with torch.no_grad():
        fc_cls.weight.copy_(0.01 * torch.randn(fc_cls.weight.shape, generator=generator))
        fc_cls.bias.copy_(0.01 * torch.randn(fc_cls.bias.shape, generator=generator))
        x = torch.randn((1, 3, 8, 112, 112), generator=generator)
        features = backbone(x)
        logits = fc_cls(features.mean(dim=(2, 3, 4)))
    save_recognizer(folder, "r2plus1d_r34.pth", backbone, fc_cls, x, features, logits, R2PLUS1D_R34_YAML)
    print("r2plus1d_r34: backbone %d parameters; wrote %s (features %s, logits %s)" % (
        sum(p.numel() for p in backbone.parameters()), folder, tuple(features.shape), tuple(logits.shape)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", choices=sorted(FULL) + ["i3d_r50", "i3d_nl_r50", "slowfast_r50", "r2plus1d_r34"],
                        help="write a full-size model instead")
    parser.add_argument("--count", action="store_true", help="print SlowFast / SlowOnly R50 parameter counts")
    parser.add_argument("--only", choices=["r2plus1d_mmaction2"],
                        help="write only this small fixture (the others keep their committed bits)")
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    args = parser.parse_args()
    if args.count:
        count_parameters()
    elif args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        if args.full in ("i3d_r50", "i3d_nl_r50"):
            make_full_i3d(args.out, non_local=args.full == "i3d_nl_r50")
        elif args.full == "slowfast_r50":
            make_full_slowfast(args.out)
        elif args.full == "r2plus1d_r34":
            make_full_r2plus1d_r34(args.out)
        else:
            make_full(args.full, args.out)
    elif args.only == "r2plus1d_mmaction2":
        make_small_r2plus1d_mmaction2(args.out or HERE, 1300)
    else:
        make_small(args.out or HERE)


if __name__ == "__main__":
    main()
