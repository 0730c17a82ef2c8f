"""Stamp the footer with the version of the torch that ran this build's examples."""

import torch


def on_config(config):
    stamp = f"Tested with torch {torch.__version__}: every output was printed by this build."
    config.copyright = f"{config.copyright} {stamp}" if config.copyright else stamp
    return config
