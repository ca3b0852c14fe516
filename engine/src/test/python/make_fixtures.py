#!/usr/bin/python3
"""Writes the PyTorch parity fixtures for canto's engine tests.

For small versions of the three genre architectures (issue 4) it saves, with dropout off
(model.eval(): PyTorch's and canto's random streams differ):

  <name>.weights.safetensors   the initial state_dict, under PyTorch's key names
  <name>.expected.safetensors  two input batches and, computed by PyTorch,
      batch0.logits, batch0.loss, batch0.grad.<key>, batch0.input_grad.features
                                  at the initial weights,
      batch1.*                    the same after one Adam step (lr 1e-3, default betas)
                                  on batch 0's gradients,
      adam2.<key>                 the weights after the second step (on batch 1's),
      adam2_wd.<key>              the same two steps with weight_decay = WEIGHT_DECAY.

Token ids and labels are stored as exact-integer F32 (canto reads only F32).
The Java side is canto.engine.PyTorchParityTest.

Run (Debian's python3-torch; the safetensors package is not needed):
    /usr/bin/python3 engine/src/test/python/make_fixtures.py [OUTPUT_DIR]
"""
import json
import os
import struct
import sys

import torch
from torch import nn

VOCAB = 50          # V: ids 0..V-1 are words, V is the padding id (an ordinary trainable row)
TOKENS = 10         # T
FEATURES = 22
CLASSES = 7
LR = 1e-3
WEIGHT_DECAY = 0.05


def write_safetensors(path, tensors, metadata):
    """The safetensors format by hand: u64 LE header length, JSON header padded with
    spaces to 8 bytes, then little-endian float32 data in header order."""
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        data = t.detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def lyrics_model():
    """Experiment 1: Embedding(V+1, 4) -> flatten -> Linear(T*4, 7)."""
    return nn.Sequential(nn.Embedding(VOCAB + 1, 4), nn.Flatten(), nn.Linear(TOKENS * 4, CLASSES))


def features_model():
    """Experiment 2 with narrower layers: 22 -> 32 -> 16 -> 16 -> 8 -> 7, ReLU + Dropout between."""
    widths = [FEATURES, 32, 16, 16, 8]
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [nn.Linear(a, b), nn.ReLU(), nn.Dropout(0.2)]
    layers.append(nn.Linear(widths[-1], CLASSES))
    return nn.Sequential(*layers)


class Combined(nn.Module):
    """Experiment 3 in miniature: lyrics branch and features branch, concatenated (lyrics
    first) into 14 values, then four Linear layers with no activation between them."""

    def __init__(self):
        super().__init__()
        self.lyrics_pipeline = nn.Sequential(
            nn.Embedding(VOCAB + 1, 3), nn.Flatten(), nn.Dropout(0.2), nn.Linear(TOKENS * 3, CLASSES))
        self.feature_pipeline = nn.Sequential(
            nn.Linear(FEATURES, 16), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(16, 12), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(12, 8), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(8, CLASSES))
        self.combined_pipeline = nn.Sequential(
            nn.Linear(2 * CLASSES, 16), nn.Linear(16, 12), nn.Linear(12, 8), nn.Linear(8, CLASSES))

    def forward(self, ids, features):
        return self.combined_pipeline(torch.cat((self.lyrics_pipeline(ids), self.feature_pipeline(features)), dim=1))


def make_batch(gen, batch, uses_ids, uses_features):
    b = {"labels": torch.randint(0, CLASSES, (batch,), generator=gen)}
    if uses_ids:
        ids = torch.randint(0, VOCAB + 1, (batch, TOKENS), generator=gen)
        ids[0, -3:] = VOCAB  # a padded song
        ids[1, :] = ids[1, 0]  # one word repeated: its gradient rows add up
        b["ids"] = ids
    if uses_features:
        b["features"] = torch.rand((batch, FEATURES), generator=gen) * 2 - 0.5
    return b


def forward(model, b):
    if "ids" in b and "features" in b:
        return model(b["ids"], b["features"])
    return model(b["ids"] if "ids" in b else b["features"])


def run(name, model, batch_size, uses_ids, uses_features, out_dir, seed):
    torch.manual_seed(seed)
    for m in model.modules():  # re-initialise from this seed, PyTorch's default init
        if hasattr(m, "reset_parameters"):
            m.reset_parameters()
    model.eval()  # dropout off: the fixture must not depend on random masks
    gen = torch.Generator().manual_seed(seed + 1)
    batches = [make_batch(gen, batch_size, uses_ids, uses_features) for _ in range(2)]
    initial = {k: v.detach().clone() for k, v in model.state_dict().items()}
    loss_fn = nn.CrossEntropyLoss()

    expected = {}
    for i, b in enumerate(batches):
        for key, value in b.items():
            expected[f"batch{i}.{key}"] = value.to(torch.float32)

    def two_steps(weight_decay, record):
        model.load_state_dict(initial)
        opt = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=weight_decay)
        for i, b in enumerate(batches):
            opt.zero_grad()
            features = None
            if "features" in b:
                features = b["features"].clone().requires_grad_(True)
                b = dict(b, features=features)
            logits = forward(model, b)
            loss = loss_fn(logits, b["labels"])
            loss.backward()
            if record:
                expected[f"batch{i}.logits"] = logits.detach()
                expected[f"batch{i}.loss"] = loss.detach().reshape(1)
                for key, p in model.named_parameters():
                    expected[f"batch{i}.grad.{key}"] = p.grad.detach().clone()
                if features is not None:
                    expected[f"batch{i}.input_grad.features"] = features.grad.detach().clone()
            opt.step()
        return {k: v.detach().clone() for k, v in model.state_dict().items()}

    for key, value in two_steps(0.0, True).items():
        expected[f"adam2.{key}"] = value
    for key, value in two_steps(WEIGHT_DECAY, False).items():
        expected[f"adam2_wd.{key}"] = value

    meta = {
        "architecture": " ".join(str(model).split()),
        "torch": torch.__version__,
        "seed": str(seed),
        "optimizer": f"Adam(lr={LR}, betas=(0.9, 0.999), eps=1e-08), two steps; adam2_wd: weight_decay={WEIGHT_DECAY}",
        "loss": "CrossEntropyLoss() (mean)",
        "mode": "eval (dropout off)",
    }
    write_safetensors(os.path.join(out_dir, f"{name}.weights.safetensors"), initial, meta)
    write_safetensors(os.path.join(out_dir, f"{name}.expected.safetensors"), expected, meta)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "pytorch")
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(1)
    run("lyrics", lyrics_model(), 8, True, False, out_dir, seed=1)
    run("features", features_model(), 16, False, True, out_dir, seed=2)
    run("combined", Combined(), 16, True, True, out_dir, seed=3)
    for f in sorted(os.listdir(out_dir)):
        print(f"{os.path.getsize(os.path.join(out_dir, f)):8d}  {f}")


if __name__ == "__main__":
    main()
