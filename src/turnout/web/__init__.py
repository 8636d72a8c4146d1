"""The web app: guided practice in the browser, on a laptop or a phone."""
