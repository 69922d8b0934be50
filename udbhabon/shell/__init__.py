"""The shell: the signed-in home page with every app's panel, the language
switch, the notifications page and the demo loader. It sits at the top of
the layers (docs/ARCHITECTURE.md), so it imports the apps' panels directly.
"""
