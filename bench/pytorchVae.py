#!/usr/bin/python3
"""The design's VAE trained by PyTorch on the CPU, for bench/training.ts: the same network, loss and optimiser as
core/vae (docs/method.md) -- encoder D -> h -> ... -> h -> (mu, log sigma^2) in R^{2K} (`layers` hidden layers, none
for the linear VAE), mirrored decoder, ReLU, linear output; loss = mean squared error over features + beta * sum_k
KL_k, averaged over the batch; Adam 1e-3. bench/pytorchConvergence.py imports `Vae` from here.

Run as a script: reads one JSON object of settings on stdin per line ({"features", "latent", "hidden", "batch",
"events", "epochs", "threads"}) and prints one JSON line per setting: {"samplesPerSecond": ...}. The data are
standard normal (the cost does not depend on the values); each epoch reshuffles and drops the last partial batch, as
core/vae/train.ts does.
"""
import json
import sys
import time

import torch

ACTIVATIONS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "elu": torch.nn.ELU, "sigmoid": torch.nn.Sigmoid}


def mlp(inputs, hidden, layers, outputs, activation):
    """inputs -> hidden (x layers, each followed by the activation) -> outputs, linear at the end."""
    modules = []
    width = inputs
    for _ in range(layers):
        modules += [torch.nn.Linear(width, hidden), ACTIVATIONS[activation]()]
        width = hidden
    return torch.nn.Sequential(*modules, torch.nn.Linear(width, outputs))


class Vae(torch.nn.Module):
    def __init__(self, features, latent, hidden, layers=2, activation="relu"):
        super().__init__()
        self.latent = latent
        self.encoder = mlp(features, hidden, layers, 2 * latent, activation)
        self.decoder = mlp(latent, hidden, layers, features, activation)

    def posterior(self, x):
        """(mu, log sigma^2), each rows x latent."""
        return self.encoder(x).split(self.latent, dim=1)

    def loss(self, x, beta, noise=None):
        mean, log_var = self.posterior(x)
        z = mean + torch.exp(0.5 * log_var) * (torch.randn_like(mean) if noise is None else noise)
        reconstruction = torch.mean((self.decoder(z) - x) ** 2)
        kl = torch.mean(torch.sum(0.5 * (mean ** 2 + torch.exp(log_var) - log_var - 1), dim=1))
        return reconstruction + beta * kl


def samples_per_second(s):
    torch.set_num_threads(s["threads"])
    torch.manual_seed(1)
    data = torch.randn(s["events"], s["features"])
    model = Vae(s["features"], s["latent"], s["hidden"])
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = s["batch"]
    batches = s["events"] // batch
    steps = 0
    started = time.perf_counter()
    for _ in range(s["epochs"]):
        order = torch.randperm(s["events"])
        for b in range(batches):
            x = data[order[b * batch:(b + 1) * batch]]
            optimiser.zero_grad()
            loss = model.loss(x, 0.1)
            loss.backward()
            optimiser.step()
            steps += 1
    return steps * batch / (time.perf_counter() - started)


if __name__ == "__main__":
    for line in sys.stdin:
        if line.strip():
            print(json.dumps({"samplesPerSecond": samples_per_second(json.loads(line))}), flush=True)
