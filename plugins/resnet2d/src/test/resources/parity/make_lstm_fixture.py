#!/usr/bin/python3
"""Parity fixture for the resnet2d plugin's LSTM (cnn_lstm's), made with torch.nn.LSTM.

    /usr/bin/python3 make_lstm_fixture.py        # rewrites lstm.json and lstm.bin beside this script

torch.nn.LSTM(input_size=6, hidden_size=5, num_layers=1, batch_first=True) with torch's own random
initialisation (seed 0), on a random batch of 3 sequences of 4 steps. Tensors: the state dict under
torch's names with the prefix "lstm." (`lstm.weight_ih_l0` 20 x 6, `lstm.weight_hh_l0` 20 x 5,
`lstm.bias_ih_l0`, `lstm.bias_hh_l0`; torch's layout), "input" (3 x 4 x 6), "hidden" (every step's
hidden state, 3 x 4 x 5: the LSTM's output) and "last" (h_n, 3 x 5).
"""
import os
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[6] / "tools" / "parity"))
from parity_fixtures import state_tensors, write_fixture  # noqa: E402

INPUT_SIZE, HIDDEN, BATCH, STEPS = 6, 5, 3, 4


def main():
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(INPUT_SIZE, HIDDEN, num_layers=1, batch_first=True)
    sequence = torch.randn(BATCH, STEPS, INPUT_SIZE) * 2
    with torch.no_grad():
        hidden, (last, _) = lstm(sequence)
    tensors = state_tensors(lstm, "lstm.") + [("input", sequence), ("hidden", hidden), ("last", last[0])]
    folder = os.path.dirname(os.path.abspath(__file__))
    size = write_fixture(folder, "lstm", tensors, {"inputSize": INPUT_SIZE, "hiddenSize": HIDDEN,
                                                   "torch": torch.__version__})
    print(f"wrote lstm.json and lstm.bin ({size} bytes)")


if __name__ == "__main__":
    main()
