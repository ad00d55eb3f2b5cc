#!/usr/bin/python3
"""The design's VAE trained by PyTorch on the CPU, for bench/training.ts: the same network, loss and optimiser as
core/vae (docs/method.md) -- encoder D -> h -> h -> (mu, log sigma^2) in R^{2K}, mirrored decoder, ReLU, linear
output; loss = mean squared error over features + beta * sum_k KL_k, averaged over the batch; Adam 1e-3.

Reads one JSON object of settings on stdin per line ({"features", "latent", "hidden", "batch", "events", "epochs",
"threads"}) and prints one JSON line per setting: {"samplesPerSecond": ...}. The data are standard normal (the cost
does not depend on the values); each epoch reshuffles and drops the last partial batch, as core/vae/train.ts does.
"""
import json
import sys
import time

import torch


class Vae(torch.nn.Module):
    def __init__(self, features, latent, hidden):
        super().__init__()
        self.latent = latent
        self.encoder = torch.nn.Sequential(
            torch.nn.Linear(features, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, hidden), torch.nn.ReLU(),
            torch.nn.Linear(hidden, 2 * latent))
        self.decoder = torch.nn.Sequential(
            torch.nn.Linear(latent, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, hidden), torch.nn.ReLU(),
            torch.nn.Linear(hidden, features))

    def loss(self, x, beta):
        mean, log_var = self.encoder(x).split(self.latent, dim=1)
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
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


for line in sys.stdin:
    if line.strip():
        print(json.dumps({"samplesPerSecond": samples_per_second(json.loads(line))}), flush=True)
