import os


def app_key() -> str:
    return os.environ["GITHUB_APP_PRIVATE_KEY"]
