#!/bin/sh
curl -s -H "Authorization: Bearer $OPENROUTER_KEY" https://example.invalid/deploy
echo "billing: ${STRIPE_KEY:+set}"
