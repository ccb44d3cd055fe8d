#!/usr/bin/env python3
"""Fetch llama.cpp's own LoRA converter (convert_lora_to_gguf.py) from a package that ships
llama.cpp's sources: the llama-cpp-python sdist on PyPI (vendor/llama.cpp/). Only the converter, its
helpers (convert_hf_to_gguf.py, conversion/) and gguf-py are unpacked, into training/.cache/.

    python training/fetch_converter.py        # prints the converter's path
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

# The llama.cpp this sdist vendors writes GGUF LoRA adapters (general.type=adapter) that
# node-llama-cpp 3.21 loads; the bot checks every adapter's metadata and shapes before loading it.
LLAMA_CPP_PYTHON = "0.3.36"
CACHE = Path(__file__).resolve().parent / ".cache"
KEEP_FILES = {"convert_lora_to_gguf.py", "convert_hf_to_gguf.py"}
KEEP_DIRS = ("gguf-py/", "conversion/")


def ensure_converter(version: str = LLAMA_CPP_PYTHON) -> Path:
    target = CACHE / f"llama.cpp-{version}"
    script = target / "convert_lora_to_gguf.py"
    if script.exists():
        return script
    CACHE.mkdir(parents=True, exist_ok=True)
    sdist = CACHE / f"llama_cpp_python-{version}.tar.gz"
    if not sdist.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             f"llama-cpp-python=={version}", "-d", str(CACHE)],
            check=True,
        )
    prefix = f"llama_cpp_python-{version}/vendor/llama.cpp/"
    with tarfile.open(sdist) as tar:
        members = []
        for member in tar.getmembers():
            if not member.name.startswith(prefix):
                continue
            relative = member.name[len(prefix):]
            if relative in KEEP_FILES or relative.startswith(KEEP_DIRS):
                member.name = relative
                members.append(member)
        tar.extractall(target, members=members, filter="data")
    if not script.exists():
        sys.exit(f"fetch_converter: {sdist.name} has no vendor/llama.cpp/convert_lora_to_gguf.py")
    return script


if __name__ == "__main__":
    print(ensure_converter())
