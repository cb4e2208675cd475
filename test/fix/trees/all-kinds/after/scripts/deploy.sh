#!/bin/sh
curl -s -H "Authorization: Bearer $OPENROUTER_API_KEY" https://example.invalid/deploy
echo "billing: ${STRIPE_SECRET_KEY:+set}"
