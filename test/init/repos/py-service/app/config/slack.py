import os

SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN")
