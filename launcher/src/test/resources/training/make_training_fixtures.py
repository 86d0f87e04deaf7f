#!/usr/bin/python3
"""Training parity fixtures: one PyTorch training step of a small R(2+1)D, as action4j must reproduce it.

    /usr/bin/python3 make_training_fixtures.py      # rewrites r2plus1d_step.safetensors beside this script

The model is the small R(2+1)D of the ResNet3D plugin's parity fixtures (torchvision's own blocks via
SmallVideoResNet, widths 3/6/12/24, R(2+1)D stem with 5 mid channels, blocks [2, 1, 1, 1]), followed by
MMAction2's I3DHead arithmetic (global average pooling, fc to 5 classes; dropout 0 so that the
comparison is exact). Weights and batch-norm statistics are random. In train() mode it computes, for
a batch of 4 clips of 3 x 8 x 20 x 20 with labels [0, 3, 1, 3]:

  - the cross-entropy loss (mean over the batch) and the logits;
  - every parameter's gradient;
  - the running statistics after that forward pass (momentum 0.1, unbiased variance);
  - then two steps of torch.optim.SGD (lr 0.01, momentum 0.9, weight decay 1e-4) on the same batch,
    recording each step's loss, and the state dict after them (the second update uses the momentum
    buffer). Not more: this tiny network is chaotic in training, weights perturbed by 1e-7 change
    its third loss by 1e-3 and its fourth by 0.02, so float32 rounding differences would dominate.

One safetensors file (torchvision's key names and layouts; written by hand, no safetensors package):
  initial/<key>            the state dict before training (num_batches_tracked left out)
  after_forward/<key>      running_mean / running_var after the first forward pass
  grad/<key>               gradients of the first pass
  after_sgd/<key>          the state dict after the two SGD steps
  input, targets, logits, loss, sgd_losses
"""
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
from torchvision.models.video import resnet as tv

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../../plugins/resnet3d/src/test/resources/parity"))
from make_parity_fixtures import SmallVideoResNet, r2plus1d_stem, randomise  # noqa: E402

BASE, STEM_MID, BLOCKS, CLASSES = 3, 5, [2, 1, 1, 1], 5
INPUT = (4, 3, 8, 20, 20)
LABELS = [0, 3, 1, 3]
LR, MOMENTUM, WEIGHT_DECAY, STEPS = 0.01, 0.9, 1e-4, 2


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = SmallVideoResNet(tv.BasicBlock, [tv.Conv2Plus1D] * 4, BLOCKS, r2plus1d_stem(STEM_MID, BASE), BASE)
        self.fc = nn.Linear(BASE * 8, CLASSES)

    def forward(self, x):
        return self.fc(self.body(x).mean(dim=(2, 3, 4)))


def state(model):
    # torchvision's names: the body's keys without the "body." prefix, fc as in VideoResNet.
    return {k.replace("body.", "", 1): v.detach().clone() for k, v in model.state_dict().items()
            if not k.endswith("num_batches_tracked")}


def write_safetensors(path, tensors, metadata):
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, tensor in tensors.items():
        data = tensor.detach().contiguous().to(torch.float32).numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    encoded = json.dumps(header).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(encoded)))
        out.write(encoded)
        for blob in blobs:
            out.write(blob)


def main():
    generator = torch.Generator().manual_seed(2024)
    torch.manual_seed(2024)
    model = Classifier()
    randomise(model.body, generator)
    with torch.no_grad():
        model.fc.weight.copy_(0.3 * torch.randn(model.fc.weight.shape, generator=generator))
        model.fc.bias.copy_(0.1 * torch.randn(model.fc.bias.shape, generator=generator))
    model.train()
    x = torch.randn(INPUT, generator=generator)
    labels = torch.tensor(LABELS)
    targets = nn.functional.one_hot(labels, CLASSES).float()
    tensors = {"initial/" + k: v for k, v in state(model).items()}

    logits = model(x)
    loss = nn.functional.cross_entropy(logits, labels)
    loss.backward()
    tensors.update({"after_forward/" + k: v for k, v in state(model).items() if "running_" in k})
    names = {k.replace("body.", "", 1): p for k, p in model.named_parameters()}
    tensors.update({"grad/" + k: p.grad.detach().clone() for k, p in names.items()})
    tensors.update({"input": x, "targets": targets, "logits": logits.detach(), "loss": loss.detach().reshape(1)})

    # Three SGD steps on the same batch, from the initial weights and statistics again.
    model.load_state_dict({("body." + k if not k.startswith("fc.") else k): v for k, v in
                           ((k[len("initial/"):], v) for k, v in tensors.items() if k.startswith("initial/"))},
                          strict=False)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    losses = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        step_loss = nn.functional.cross_entropy(model(x), labels)
        step_loss.backward()
        optimizer.step()
        losses.append(float(step_loss))
    tensors.update({"after_sgd/" + k: v for k, v in state(model).items()})
    tensors["sgd_losses"] = torch.tensor(losses)

    path = os.path.join(HERE, "r2plus1d_step.safetensors")
    write_safetensors(path, tensors, {
        "madeBy": "make_training_fixtures.py, torch " + torch.__version__,
        "config": json.dumps({"backbone": {"type": "resnet3d", "depth": 18, "convType": "2plus1d", "baseChannels": BASE,
                                           "stageBlocks": BLOCKS, "stemMidChannels": STEM_MID},
                              "clsHead": {"type": "i3d", "numClasses": CLASSES, "dropoutRatio": 0.0}}),
        "sgd": json.dumps({"lr": LR, "momentum": MOMENTUM, "weightDecay": WEIGHT_DECAY, "steps": STEPS}),
    })
    print("loss %.6f, sgd losses %s, %d bytes" % (float(loss), losses, os.path.getsize(path)))


if __name__ == "__main__":
    main()
