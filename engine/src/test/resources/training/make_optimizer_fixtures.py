#!/usr/bin/env python3
"""Writes optimizer_fixtures.json: what PyTorch's optimizers, gradient clipping and LR
schedulers compute, for the Java training arithmetic (io.action4j.engine.training) to match.

References, all from torch (1.13 here, Debian's python3-torch):
- optimizers: torch.optim.SGD (plain, momentum + weight decay, nesterov), torch.optim.AdamW and torch.optim.Adam
  (its weight decay an L2 term, as MMAction2's BMN uses it)
  (defaults, custom betas/eps/decay, and two param groups where biases and norm weights get no
  decay, which is what mmengine's paramwise_cfg bias_decay_mult=0 / norm_decay_mult=0 builds),
  five steps each with a different lr per step and one parameter without a gradient at step 3
  (torch skips it: no update, no AdamW step count). Parameters, gradients, the parameters after
  every step and the optimizer state after the last step (named as action4j names it:
  <param>/momentum_buffer, <param>/exp_avg, <param>/exp_avg_sq, <param>/step);
- torch.nn.utils.clip_grad_norm_ for norm types 2 (clipping and not), 1 and inf;
- LR schedules: torch.optim.lr_scheduler stepped the way mmengine's ParamSchedulerHook steps
  its schedulers (iteration-based ones after every iteration, epoch-based ones after the last
  iteration of an epoch), recording the lr each training iteration uses. Each case carries the
  mmengine-style config (action4j's camelCase keys) that means the same schedule. torch has no
  begin/end, so the warmup-then-cosine case creates the cosine scheduler when its `begin` epoch
  starts, as mmengine's scheduler starts counting there. mmengine-only semantics (begin offsets of
  milestones, default ends, convertToIterBased of milestones) are covered by hand-computed Java tests.

Numbers are float32 values written as the doubles that equal them (json's repr round-trips), so
Java reads them back exactly.

Rerun from the repository root:
    /usr/bin/python3 engine/src/test/resources/training/make_optimizer_fixtures.py
"""
import json
import math
import os

import torch

torch.manual_seed(20261122)

SHAPES = {"conv.weight": [2, 3, 2], "fc.bias": [4], "bn.weight": [3]}
STEPS = 5
LRS = [0.1, 0.05, 0.08, 0.02, 0.01]
# At this step (0-based) bn.weight has no gradient.
MISSING_STEP, MISSING_NAME = 2, "bn.weight"


def values(tensor):
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


def tensor_entry(tensor):
    return {"shape": list(tensor.shape), "values": values(tensor)}


def optimizer_case(name, config, make_optimizer, decay_exempt=()):
    """config: the action4j OptimizerConfig; decay_exempt: names in the no-decay param group."""
    params = {n: torch.randn(s, dtype=torch.float32, requires_grad=True) for n, s in SHAPES.items()}
    grads = []
    for step in range(STEPS):
        grads.append({n: torch.randn(s, dtype=torch.float32) for n, s in SHAPES.items()
                      if not (step == MISSING_STEP and n == MISSING_NAME)})
    initial = {n: tensor_entry(p) for n, p in params.items()}
    optimizer = make_optimizer(params, decay_exempt)
    after = []
    for step in range(STEPS):
        for group in optimizer.param_groups:
            group["lr"] = LRS[step]
        for n, p in params.items():
            p.grad = grads[step][n].clone() if n in grads[step] else None
        optimizer.step()
        after.append({n: values(p) for n, p in params.items()})
    state = {}
    for n, p in params.items():
        for slot, value in optimizer.state[p].items():
            if value is None:  # SGD without momentum keeps momentum_buffer None
                continue
            state[n + "/" + slot] = tensor_entry(value if torch.is_tensor(value) else torch.tensor(value))
    return {
        "name": name,
        "optimizer": config,
        "decayExempt": list(decay_exempt),
        "lrs": LRS,
        "params": initial,
        "grads": [{n: values(g) for n, g in step.items()} for step in grads],
        "expected": after,
        "state": state,
    }


def groups(params, decay_exempt):
    decayed = [p for n, p in params.items() if n not in decay_exempt]
    exempt = [p for n, p in params.items() if n in decay_exempt]
    return [{"params": decayed}] + ([{"params": exempt, "weight_decay": 0.0}] if exempt else [])


def sgd(**kwargs):
    return lambda params, exempt: torch.optim.SGD(groups(params, exempt), lr=LRS[0], **kwargs)


def adam(**kwargs):
    return lambda params, exempt: torch.optim.Adam(groups(params, exempt), lr=LRS[0], **kwargs)


def adamw(**kwargs):
    return lambda params, exempt: torch.optim.AdamW(groups(params, exempt), lr=LRS[0], **kwargs)


optimizers = [
    optimizer_case("sgd_plain", {"type": "SGD", "lr": 0.1}, sgd()),
    optimizer_case("sgd_momentum_decay", {"type": "SGD", "lr": 0.1, "momentum": 0.9, "weightDecay": 0.05},
                   sgd(momentum=0.9, weight_decay=0.05)),
    optimizer_case("sgd_nesterov_decay",
                   {"type": "SGD", "lr": 0.1, "momentum": 0.8, "nesterov": True, "weightDecay": 0.01},
                   sgd(momentum=0.8, nesterov=True, weight_decay=0.01)),
    optimizer_case("sgd_momentum_no_decay_on_bias_and_norm",
                   {"type": "SGD", "lr": 0.1, "momentum": 0.9, "weightDecay": 0.05},
                   sgd(momentum=0.9, weight_decay=0.05), decay_exempt=("fc.bias", "bn.weight")),
    optimizer_case("adamw_defaults", {"type": "AdamW", "lr": 0.001}, adamw()),
    optimizer_case("adam_l2_decay", {"type": "Adam", "lr": 0.001, "weightDecay": 0.0001},
                   adam(weight_decay=0.0001)),
    optimizer_case("adamw_custom",
                   {"type": "AdamW", "lr": 0.001, "betas": [0.8, 0.99], "eps": 1e-6, "weightDecay": 0.1},
                   adamw(betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    optimizer_case("adamw_no_decay_on_bias_and_norm", {"type": "AdamW", "lr": 0.001, "weightDecay": 0.05},
                   adamw(weight_decay=0.05), decay_exempt=("fc.bias", "bn.weight")),
]


def clip_case(name, max_norm, norm_type, scale):
    grads = {n: torch.randn(s, dtype=torch.float32) * scale for n, s in SHAPES.items()}
    params = []
    for g in grads.values():
        p = torch.zeros(g.shape, requires_grad=True)
        p.grad = g.clone()
        params.append(p)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
    return {
        "name": name,
        "clipGrad": {"maxNorm": max_norm, "normType": norm_type if math.isfinite(norm_type) else "inf"},
        "grads": {n: tensor_entry(g) for n, g in grads.items()},
        "totalNorm": float(total),
        "clipped": {n: values(p.grad) for n, p in zip(grads, params)},
    }


clipping = [
    clip_case("l2_clipped", 1.0, 2.0, 1.0),
    clip_case("l2_not_clipped", 40.0, 2.0, 1.0),
    clip_case("l1_clipped", 2.5, 1.0, 1.0),
    clip_case("inf_clipped", 0.5, math.inf, 1.0),
]


def schedule_case(name, config, base_lr, iters_per_epoch, max_epochs, build):
    """build(optimizer) -> (on_iteration_end(i), on_epoch_end(e)) stepping torch schedulers."""
    p = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=base_lr)
    after_iter, after_epoch = build(optimizer)
    lrs = []
    for i in range(iters_per_epoch * max_epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()  # keeps torch from warning about the step order
        after_iter(i)
        if (i + 1) % iters_per_epoch == 0:
            after_epoch((i + 1) // iters_per_epoch)
    return {"name": name, "paramScheduler": config, "baseLr": base_lr,
            "itersPerEpoch": iters_per_epoch, "maxEpochs": max_epochs, "lrs": lrs}


def per_epoch(make):
    def build(optimizer):
        scheduler = make(optimizer)
        return (lambda i: None), (lambda e: scheduler.step())
    return build


def warmup_then_cosine(iters_per_epoch, warmup_epochs, cosine_epochs):
    def build(optimizer):
        # mmengine: LinearLR converted to iterations, begin 0, end warmup_epochs * L, so
        # total_iters = end - begin - 1; it steps after every iteration while active.
        warmup = torch.optim.lr_scheduler.LinearLR(
            optimizer, start_factor=0.1, end_factor=1.0, total_iters=warmup_epochs * iters_per_epoch - 1)
        holder = {}

        def after_iter(i):
            if i + 1 < warmup_epochs * iters_per_epoch:
                warmup.step()

        def after_epoch(epoch):
            if epoch == warmup_epochs:
                holder["cosine"] = torch.optim.lr_scheduler.CosineAnnealingLR(
                    optimizer, T_max=cosine_epochs, eta_min=0.0)
            elif epoch > warmup_epochs:
                holder["cosine"].step()
        return after_iter, after_epoch
    return build


L = 3
schedules = [
    schedule_case("multistep_40_80",
                  [{"type": "MultiStepLR", "milestones": [40, 80], "gamma": 0.1, "byEpoch": True}],
                  0.1, 2, 100,
                  per_epoch(lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[40, 80], gamma=0.1))),
    schedule_case("step_3",
                  [{"type": "StepLR", "stepSize": 3, "gamma": 0.5}],
                  0.2, 2, 10,
                  per_epoch(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5))),
    schedule_case("linear_epochs",
                  # end 5: total_iters = 5 - 0 - 1 = 4
                  [{"type": "LinearLR", "startFactor": 0.25, "endFactor": 1.0, "begin": 0, "end": 5}],
                  0.4, 2, 8,
                  per_epoch(lambda o: torch.optim.lr_scheduler.LinearLR(
                      o, start_factor=0.25, end_factor=1.0, total_iters=4))),
    schedule_case("cosine_epochs",
                  [{"type": "CosineAnnealingLR", "tMax": 12, "etaMin": 0.001, "byEpoch": True}],
                  0.1, 2, 12,
                  per_epoch(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=12, eta_min=0.001))),
    schedule_case("warmup5_then_cosine45",
                  [{"type": "LinearLR", "startFactor": 0.1, "byEpoch": True, "begin": 0, "end": 5,
                    "convertToIterBased": True},
                   {"type": "CosineAnnealingLR", "tMax": 45, "etaMin": 0.0, "byEpoch": True, "begin": 5,
                    "end": 50}],
                  0.01, L, 50, warmup_then_cosine(L, 5, 45)),
]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizer_fixtures.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "optimizers": optimizers, "clipping": clipping,
               "schedules": schedules}, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", out, os.path.getsize(out), "bytes")
