#!/usr/bin/python3
"""PyTorch training the design's VAE (bench/pytorchVae.py) under symscope's stopping rule, for bench/convergence.ts.

The rule itself is not copied here: core/vae/convergence.ts decides. Every `checkSteps` optimiser steps this script
measures what assembly/vae/check.ts measures on the first `checkRows` held-out events (their mean loss with noise
drawn once, and the posterior sums sum mu, mu^2, mu^3, mu^4, sigma^2 per latent in float64), prints them as one JSON
line {"check": {"samples", "loss", "sums"}} and reads back one line {"converged": true|false} from the bench, which
runs checkRecord and convergenceAt on them. Training stops at the first converged check or at `capSteps`.

argv[1] is a JSON file the bench writes: the standardised features (`data`, float32 rows x cols), the bench's
train/validation split (`trainRows`, `validationRows`, int32), the settings (`config`: latent, hidden, layers,
activation, linear, beta, learningRate, batchSize, seed), `capSteps`, `checkSteps`, `checkRows`, `threads`, and
`posterior`: where to write mu and log sigma^2 of every validation row (float32, rows x latent, as
<posterior>.means and <posterior>.logvars) for the bench to count the relevant latents with core's statistics.
Last line: {"done": {"samples", "seconds", "cpuSeconds", "converged"}}: this process's training clock, wall and
CPU (steps and checks; reading the data and writing the posterior excluded). Epochs reshuffle the training rows and drop the last
partial batch, and checks fall every checkSteps steps across epoch ends, as core/vae/train.ts does.
"""
import json
import sys
import time

import numpy
import torch

from pytorchVae import Vae


def main():
    with open(sys.argv[1]) as f:
        s = json.load(f)
    c = s["config"]
    torch.set_num_threads(s["threads"])
    torch.manual_seed(c["seed"])
    data = torch.from_numpy(numpy.fromfile(s["data"], dtype=numpy.float32).reshape(s["rows"], s["cols"]))
    train = torch.from_numpy(numpy.fromfile(s["trainRows"], dtype=numpy.int32).astype(numpy.int64))
    validation = torch.from_numpy(numpy.fromfile(s["validationRows"], dtype=numpy.int32).astype(numpy.int64))
    latent, batch, beta = c["latent"], c["batchSize"], c["beta"]
    model = Vae(s["cols"], latent, c["hidden"], 0 if c["linear"] else c["layers"], c["activation"])
    optimiser = torch.optim.Adam(model.parameters(), lr=c["learningRate"])
    check_x = data[validation[: s["checkRows"]]]
    check_noise = torch.randn(check_x.shape[0], latent)
    batches = train.shape[0] // batch
    cap, every = s["capSteps"], s["checkSteps"]

    def check(step):
        with torch.no_grad():
            loss = model.loss(check_x, beta, check_noise).item()
            mean, log_var = model.posterior(check_x)
            mu = mean.double()
            sums = torch.cat([mu.sum(0), (mu ** 2).sum(0), (mu ** 3).sum(0), (mu ** 4).sum(0), torch.exp(log_var.double()).sum(0)])
        print(json.dumps({"check": {"samples": step * batch, "loss": loss, "sums": sums.tolist()}}), flush=True)
        return json.loads(sys.stdin.readline())["converged"]

    started = time.perf_counter()
    cpu_started = time.process_time()
    step = 0
    converged = False
    while step < cap and not converged:
        order = train[torch.randperm(train.shape[0])]
        for b in range(batches):
            x = data[order[b * batch:(b + 1) * batch]]
            optimiser.zero_grad()
            model.loss(x, beta).backward()
            optimiser.step()
            step += 1
            if step % every == 0 or step == cap:
                converged = check(step)
                if converged or step == cap:
                    break
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    with torch.no_grad():
        mean, log_var = model.posterior(data[validation])
    mean.numpy().astype(numpy.float32).tofile(s["posterior"] + ".means")
    log_var.numpy().astype(numpy.float32).tofile(s["posterior"] + ".logvars")
    print(json.dumps({"done": {"samples": step * batch, "seconds": seconds, "cpuSeconds": cpu_seconds, "converged": converged}}), flush=True)


if __name__ == "__main__":
    main()
