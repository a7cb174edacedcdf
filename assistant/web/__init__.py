"""The web app's parts: one module per tab (chat, claims, agreements), the API, HTML rendering.

``app.py`` at the project root wires them into one ``gr.Blocks``; callbacks here format what
the assistant and the calculators return, they compute nothing themselves.
"""
