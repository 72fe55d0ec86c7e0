#!/usr/bin/env bash
# Molecules v2 (issue 17): resumes this run folder where it stopped (run it again after a pause).
# Usage, from the repository root: runs/molecules-v2/train.sh [LATENT_CLI_DLL]
# The CLI defaults to a Release publish at out/latent.dll (dotnet publish src/Cli -c Release -o out).
set -eu
cli=${1:-out/latent.dll}
data=../shared/data/molecules
exec dotnet "$cli" train --domain molecules --data $data/zinc250k_train.csv --valid $data/zinc250k_valid.csv \
  --out runs/molecules-v2/checkpoint --epochs 12 --model-config runs/molecules-v2/model.json \
  --training-config runs/molecules-v2/training.json --precision bf16 --device cpu --threads 2
