#!/usr/bin/env bash
set -euo pipefail
echo "deploying with token $GITHUB_TOKEN"
docker build --build-arg STRIPE_SECRET_KEY="$STRIPE_SECRET_KEY" -t demo .
value=$(op read "op://prod/stripe/secret")
