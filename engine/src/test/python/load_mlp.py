#!/usr/bin/python3
"""Loads what the engine example TrainMlp saved into PyTorch and checks it.

    /usr/bin/python3 engine/src/test/python/load_mlp.py DIR

DIR holds mlp.safetensors (the model under state_dict names), adam.safetensors (the
optimiser state under optimizer.state_dict names) and sample.safetensors (4 inputs and
canto's logits). Builds the same torch.nn.Sequential, load_state_dict()s both, and compares
PyTorch's logits for the 4 inputs with canto's. Needs numpy and torch (Debian python3-torch);
the safetensors files are read by hand (an 8-byte header length, a JSON header, raw F32 data).
"""
import json
import struct
import sys

import numpy as np
import torch
from torch import nn


def read_safetensors(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        assert info["dtype"] == "F32", name
        start, end = info["data_offsets"]
        array = np.frombuffer(data[start:end], dtype="<f4").reshape(info["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors, meta


def main(folder):
    weights, meta = read_safetensors(folder + "/mlp.safetensors")
    print("architecture:", meta["architecture"])
    model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 4))
    model.load_state_dict(weights)

    state, adam_meta = read_safetensors(folder + "/adam.safetensors")
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    groups = json.loads(adam_meta["param_groups"])
    for saved, current in zip(groups, opt.state_dict()["param_groups"]):
        saved["betas"] = tuple(saved["betas"])
        for key, value in current.items():  # keys this PyTorch has and canto does not write (foreach, ...)
            saved.setdefault(key, value)
    per_param = {}
    for name, tensor in state.items():
        _, index, key = name.split(".")
        per_param.setdefault(int(index), {})[key] = tensor
    opt.load_state_dict({"state": per_param, "param_groups": groups})
    print("optimizer state loaded: step", float(opt.state_dict()["state"][0]["step"]),
          "for", len(opt.state_dict()["state"]), "parameters")

    sample, _ = read_safetensors(folder + "/sample.safetensors")
    with torch.no_grad():
        logits = model(sample["x"])
    diff = (logits - sample["logits"]).abs().max().item()
    print("PyTorch logits of input 0:", [round(v, 6) for v in logits[0].tolist()])
    print("canto   logits of input 0:", [round(v, 6) for v in sample["logits"][0].tolist()])
    print("largest |PyTorch - canto| over 4 inputs:", diff)
    if not diff <= 1e-5 * (1 + sample["logits"].abs().max().item()):
        sys.exit("logits differ")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "mlp")
