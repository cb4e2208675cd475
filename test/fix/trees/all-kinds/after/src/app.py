import os

key = os.environ["OPENROUTER_API_KEY"]
stripe = os.getenv('STRIPE_SECRET_KEY')
