#!/usr/bin/python3
"""Parity fixtures for the TimeSformer plugin, from a short PyTorch re-implementation of MMAction2.

The reference
-------------
MMAction2 v1.2.0's TimeSformer (mmaction/models/backbones/timesformer.py) needs mmcv, mmengine
and einops, which are not on this machine, so `TimeSformer` below re-implements its forward pass
line for line with the same module tree, hence the same state-dict keys:

    backbone.patch_embed.projection.{weight,bias}      mmaction PatchEmbed (a Conv2d)
    backbone.cls_token / pos_embed / time_embed         (time_embed not for space_only)
    backbone.transformer_layers.layers.<i>.
        divided_space_time: attentions.0 = DividedTemporalAttentionWithNorm (norm, attn, temporal_fc)
                            attentions.1 = DividedSpatialAttentionWithNorm (norm, attn)
                            ffns.0       = FFNWithNorm (norm, layers.0.0 = fc1, layers.1 = fc2)
        space_only, joint_space_time: norms.0, attentions.0 = mmcv MultiheadAttention (attn),
                            norms.1, ffns.0 = mmcv FFN (layers.0.0, layers.1)
        attn = torch.nn.MultiheadAttention: in_proj_weight, in_proj_bias, out_proj.{weight,bias}
    backbone.norm                                       final LayerNorm (norm_cfg eps)
    cls_head.fc_cls.{weight,bias}                       TimeSformerHead

Layer norms inside the layers use eps 1e-6 whatever norm_cfg says (MMAction2 hard-codes them);
norm_cfg's eps is the final norm's only. GELU is the exact (erf) one, as mmcv's dict(type='GELU').
Dropout and DropPath are identities in eval mode.

Small models (read by ParityTest)
---------------------------------
    /usr/bin/python3 make_parity_fixtures.py        # rewrites the fixtures beside this script

writes, for each attention type, a model with embedDims 32, 2 heads, 2 layers, 4 frames,
imgSize 32, patchSize 8 and a 5-class head, every parameter random (temporal_fc and time_embed
too, which MMAction2 initialises to zero), a batch of 2 clips:

    <attention type>.bin   little-endian float32 tensors one after another
    <attention type>.json  {"config": timesformer keys, "head": head keys,
                            "tensors": [{"name", "shape", "offset" (bytes)}], ...}

Tensors: the state dict under MMAction2's keys in torch's layout, "input" (N x C x T x H x W),
"features" (the backbone's output, N x embedDims) and "logits" (the head's, N x classes).

Full size (for a later `action4j model run --checkpoint` comparison; nothing goes into the repo)
-----------------------------------------------------------------------------------------------
    /usr/bin/python3 make_parity_fixtures.py --full --out /tmp/parity-timesformer \
        [--attention-type divided_space_time]

builds the default model (ViT-B/16: embedDims 768, 12 heads, 12 layers, 8 frames, 224 pixels;
400 classes) with seeded random weights and writes into --out:

    timesformer.pth   the state dict under MMAction2's keys (backbone.*, cls_head.*)
    input.npy         float32 1 x 3 x 8 x 224 x 224
    features.npy      the backbone output (1 x 768)
    logits.npy        the head output (1 x 400)
    model.yaml        an action4j model config with the matching keys

Loading it needs only the MMAction2 key mapping (backbone.x -> backbone/x) and the rank-based
layout conversion (rank 4 conv2d permuted 2,3,1,0; rank 2 linear and in_proj weights transposed;
cls_token, pos_embed, time_embed and vectors as they are).
"""
import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
from parity_fixtures import write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LAYER_EPS = 1e-6  # MMAction2 builds every norm inside the layers with dict(type='LN', eps=1e-6)


class PatchEmbed(nn.Module):
    def __init__(self, img_size, patch_size, in_channels, embed_dims):
        super().__init__()
        self.num_patches = (img_size // patch_size) ** 2
        self.projection = nn.Conv2d(in_channels, embed_dims, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        b, c, t, h, w = x.shape
        x = x.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)  # 'b c t h w -> (b t) c h w'
        return self.projection(x).flatten(2).transpose(1, 2)


class DividedTemporalAttentionWithNorm(nn.Module):
    def __init__(self, embed_dims, num_heads, num_frames):
        super().__init__()
        self.num_frames = num_frames
        self.norm = nn.LayerNorm(embed_dims, eps=LAYER_EPS)
        self.attn = nn.MultiheadAttention(embed_dims, num_heads)
        self.temporal_fc = nn.Linear(embed_dims, embed_dims)

    def forward(self, query):
        init_cls_token = query[:, 0, :].unsqueeze(1)
        identity = query_t = query[:, 1:, :]
        b, pt, m = query_t.size()
        p, t = pt // self.num_frames, self.num_frames
        query_t = self.norm(query_t.reshape(b * p, t, m)).permute(1, 0, 2)
        res_temporal = self.attn(query_t, query_t, query_t)[0].permute(1, 0, 2)
        res_temporal = self.temporal_fc(res_temporal.contiguous())
        res_temporal = res_temporal.reshape(b, p * t, m)
        return torch.cat((init_cls_token, identity + res_temporal), 1)


class DividedSpatialAttentionWithNorm(nn.Module):
    def __init__(self, embed_dims, num_heads, num_frames):
        super().__init__()
        self.num_frames = num_frames
        self.norm = nn.LayerNorm(embed_dims, eps=LAYER_EPS)
        self.attn = nn.MultiheadAttention(embed_dims, num_heads)

    def forward(self, query):
        identity = query
        init_cls_token = query[:, 0, :].unsqueeze(1)
        query_s = query[:, 1:, :]
        b, pt, m = query_s.size()
        p, t = pt // self.num_frames, self.num_frames
        cls_token = init_cls_token.repeat(1, t, 1).reshape(b * t, m).unsqueeze(1)
        query_s = query_s.reshape(b, p, t, m).permute(0, 2, 1, 3).reshape(b * t, p, m)  # 'b (p t) m -> (b t) p m'
        query_s = torch.cat((cls_token, query_s), 1)
        query_s = self.norm(query_s).permute(1, 0, 2)
        res_spatial = self.attn(query_s, query_s, query_s)[0].permute(1, 0, 2)
        cls_token = torch.mean(res_spatial[:, 0, :].reshape(b, t, m), 1, True)
        res_spatial = res_spatial[:, 1:, :].reshape(b, t, p, m).permute(0, 2, 1, 3).reshape(b, p * t, m)
        return identity + torch.cat((cls_token, res_spatial), 1)


class MultiheadAttention(nn.Module):
    """mmcv's MultiheadAttention (batch_first=True): the torch module as `attn` plus the shortcut."""

    def __init__(self, embed_dims, num_heads):
        super().__init__()
        self.attn = nn.MultiheadAttention(embed_dims, num_heads)

    def forward(self, query, identity):
        q = query.transpose(0, 1)
        return identity + self.attn(q, q, q)[0].transpose(0, 1)


class FFN(nn.Module):
    """mmcv's FFN with num_fcs=2 and GELU: layers = [[fc1, GELU, Dropout], fc2, Dropout]."""

    def __init__(self, embed_dims, feedforward_channels):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Sequential(nn.Linear(embed_dims, feedforward_channels), nn.GELU(), nn.Dropout(0.0)),
            nn.Linear(feedforward_channels, embed_dims), nn.Dropout(0.0))

    def forward(self, x, identity):
        return identity + self.layers(x)


class FFNWithNorm(FFN):
    def __init__(self, embed_dims, feedforward_channels):
        super().__init__(embed_dims, feedforward_channels)
        self.norm = nn.LayerNorm(embed_dims, eps=LAYER_EPS)

    def forward(self, x, identity=None):
        return super().forward(self.norm(x), x)


class DividedLayer(nn.Module):
    """BaseTransformerLayer with operation_order ('self_attn', 'self_attn', 'ffn')."""

    def __init__(self, embed_dims, num_heads, num_frames):
        super().__init__()
        self.attentions = nn.ModuleList([DividedTemporalAttentionWithNorm(embed_dims, num_heads, num_frames),
                                         DividedSpatialAttentionWithNorm(embed_dims, num_heads, num_frames)])
        self.ffns = nn.ModuleList([FFNWithNorm(embed_dims, embed_dims * 4)])

    def forward(self, x):
        return self.ffns[0](self.attentions[1](self.attentions[0](x)))


class PreNormLayer(nn.Module):
    """BaseTransformerLayer with operation_order ('norm', 'self_attn', 'norm', 'ffn') (pre_norm)."""

    def __init__(self, embed_dims, num_heads):
        super().__init__()
        self.attentions = nn.ModuleList([MultiheadAttention(embed_dims, num_heads)])
        self.ffns = nn.ModuleList([FFN(embed_dims, embed_dims * 4)])
        self.norms = nn.ModuleList([nn.LayerNorm(embed_dims, eps=LAYER_EPS) for _ in range(2)])

    def forward(self, x):
        x = self.attentions[0](self.norms[0](x), x)
        return self.ffns[0](self.norms[1](x), x)


class TransformerLayerSequence(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class TimeSformer(nn.Module):
    def __init__(self, num_frames, img_size, patch_size, embed_dims=768, num_heads=12, num_transformer_layers=12,
                 in_channels=3, attention_type='divided_space_time', norm_eps=1e-6):
        super().__init__()
        self.num_frames = num_frames
        self.attention_type = attention_type
        self.patch_embed = PatchEmbed(img_size, patch_size, in_channels, embed_dims)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dims))
        self.pos_embed = nn.Parameter(torch.zeros(1, self.patch_embed.num_patches + 1, embed_dims))
        if attention_type != 'space_only':
            self.time_embed = nn.Parameter(torch.zeros(1, num_frames, embed_dims))
        self.norm = nn.LayerNorm(embed_dims, eps=norm_eps)
        if attention_type == 'divided_space_time':
            layers = [DividedLayer(embed_dims, num_heads, num_frames) for _ in range(num_transformer_layers)]
        else:
            layers = [PreNormLayer(embed_dims, num_heads) for _ in range(num_transformer_layers)]
        self.transformer_layers = TransformerLayerSequence(layers)

    def forward(self, x):
        batches = x.shape[0]
        x = self.patch_embed(x)
        cls_tokens = self.cls_token.expand(x.size(0), -1, -1)
        x = torch.cat((cls_tokens, x), dim=1)
        x = x + self.pos_embed
        if self.attention_type != 'space_only':
            cls_tokens = x[:batches, 0, :].unsqueeze(1)  # MMAction2's; every row's cls token is the same
            bt, p1, m = x.shape
            x = x[:, 1:, :].reshape(batches, bt // batches, p1 - 1, m).permute(0, 2, 1, 3)  # '(b t) p m -> (b p) t m'
            x = x + self.time_embed.unsqueeze(0)
            x = x.reshape(batches, -1, m)  # '(b p) t m -> b (p t) m'
            x = torch.cat((cls_tokens, x), dim=1)
        x = self.transformer_layers(x)
        if self.attention_type == 'space_only':
            x = x.view(-1, self.num_frames, *x.size()[-2:])
            x = torch.mean(x, 1)
        x = self.norm(x)
        return x[:, 0]


class TimeSformerHead(nn.Module):
    def __init__(self, num_classes, in_channels):
        super().__init__()
        self.fc_cls = nn.Linear(in_channels, num_classes)

    def forward(self, x):
        return self.fc_cls(x)


class Recognizer(nn.Module):
    """Recognizer3D's module names: backbone, cls_head."""

    def __init__(self, backbone, head):
        super().__init__()
        self.backbone = backbone
        self.cls_head = head


def randomise(model, generator):
    """Every parameter random and of ordinary size (even those MMAction2 starts at zero)."""
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if name.endswith('norm.weight') or '.norms.' in name and name.endswith('weight'):
                parameter.copy_(1.0 + 0.2 * torch.randn(parameter.shape, generator=generator))
            elif parameter.dim() >= 2 and not name.endswith(('cls_token', 'pos_embed', 'time_embed')):
                fan_in = parameter[0].numel()
                parameter.copy_(torch.randn(parameter.shape, generator=generator) / fan_in ** 0.5)
            else:
                parameter.copy_(0.2 * torch.randn(parameter.shape, generator=generator))
    return model.eval()


ATTENTION_TYPES = ['divided_space_time', 'space_only', 'joint_space_time']
SMALL = dict(numFrames=4, imgSize=32, patchSize=8, embedDims=32, numHeads=2, numTransformerLayers=2, inChannels=3)
SMALL_EPS = 1e-5  # not the default, so the test sees that normCfg reaches the final norm
SMALL_CLASSES = 5
SMALL_BATCH = 2   # more than one clip: MMAction2 takes the cls tokens from the first `batches` rows


def build(keys, attention_type, norm_eps, num_classes):
    backbone = TimeSformer(keys['numFrames'], keys['imgSize'], keys['patchSize'], keys['embedDims'],
                           keys['numHeads'], keys['numTransformerLayers'], keys['inChannels'], attention_type, norm_eps)
    return Recognizer(backbone, TimeSformerHead(num_classes, keys['embedDims']))


def make_small(folder):
    for index, attention_type in enumerate(ATTENTION_TYPES):
        torch.manual_seed(2000 + index)
        generator = torch.Generator().manual_seed(2000 + index)
        model = randomise(build(SMALL, attention_type, SMALL_EPS, SMALL_CLASSES), generator)
        x = torch.randn((SMALL_BATCH, SMALL['inChannels'], SMALL['numFrames'], SMALL['imgSize'], SMALL['imgSize']),
                        generator=generator)
        with torch.no_grad():
            features = model.backbone(x)
            logits = model.cls_head(features)
        config = dict(SMALL, attentionType=attention_type, normCfg={"type": "LN", "eps": SMALL_EPS})
        tensors = list(model.state_dict().items()) + [("input", x), ("features", features), ("logits", logits)]
        size = write_fixture(folder, attention_type, tensors, {
            "variant": attention_type,
            "config": config,
            "head": {"numClasses": SMALL_CLASSES},
            "madeBy": "make_parity_fixtures.py, torch %s" % torch.__version__,
            "featuresStd": float(features.std()),
            "logitsStd": float(logits.std()),
        })
        print("%-20s features %s std %.3f, logits %s, %d bytes" % (
            attention_type, tuple(features.shape), float(features.std()), tuple(logits.shape), size))


FULL = dict(numFrames=8, imgSize=224, patchSize=16, embedDims=768, numHeads=12, numTransformerLayers=12, inChannels=3)


def parameter_count(attention_type, num_classes=400):
    return sum(p.numel() for p in build(FULL, attention_type, 1e-6, num_classes).parameters())


def make_full(folder, attention_type):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(7)
    generator = torch.Generator().manual_seed(7)
    model = randomise(build(FULL, attention_type, 1e-6, 400), generator)
    x = torch.randn((1, 3, FULL['numFrames'], FULL['imgSize'], FULL['imgSize']), generator=generator)
    with torch.no_grad():
        features = model.backbone(x)
        logits = model.cls_head(features)
    torch.save(model.state_dict(), os.path.join(folder, "timesformer.pth"))
    np.save(os.path.join(folder, "input.npy"), x.numpy())
    np.save(os.path.join(folder, "features.npy"), features.numpy())
    np.save(os.path.join(folder, "logits.npy"), logits.numpy())
    lines = ["# MMAction2's TimeSformer (%s) with the random weights in timesformer.pth" % attention_type,
             "model:", "  backbone:", "    type: timesformer"]
    lines += ["    %s: %s" % (k, json.dumps(v)) for k, v in FULL.items()]
    lines += ["    attentionType: %s" % attention_type, "  clsHead:", "    type: timesformer", "    numClasses: 400"]
    with open(os.path.join(folder, "model.yaml"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("timesformer %s: %d parameters; wrote %s (features %s, logits %s)" % (
        attention_type, sum(p.numel() for p in model.parameters()), folder, tuple(features.shape),
        tuple(logits.shape)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="write a full-size model instead")
    parser.add_argument("--attention-type", choices=ATTENTION_TYPES, default=ATTENTION_TYPES[0])
    parser.add_argument("--out", help="output folder (default: beside this script; required with --full)")
    parser.add_argument("--count", action="store_true",
                        help="print the default sizes' parameter counts (400-class head) per attention type")
    args = parser.parse_args()
    if args.count:
        for attention_type in ATTENTION_TYPES:
            print("%s: %d" % (attention_type, parameter_count(attention_type)))
    elif args.full:
        if not args.out:
            parser.error("--full needs --out (a folder outside the repository)")
        make_full(args.out, args.attention_type)
    else:
        make_small(args.out or HERE)


if __name__ == "__main__":
    main()
