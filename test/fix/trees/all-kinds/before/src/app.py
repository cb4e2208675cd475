import os

key = os.environ["OPENROUTER_KEY"]
stripe = os.getenv('STRIPE_KEY')
