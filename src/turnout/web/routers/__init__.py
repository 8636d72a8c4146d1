"""The app's routers: the JSON API and the pages."""
