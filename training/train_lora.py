#!/usr/bin/env python3
"""Train a PromptTailor LoRA adapter and convert it to a GGUF adapter the bot loads (TAILOR_LORA).

    python training/train_lora.py --base MODEL.gguf|HF_DIR --data dataset.jsonl --out DIR

Steps:
  1. Load the base model: a Hugging Face folder, or a GGUF file (transformers dequantizes it, so the
     adapter is trained against the very file the bot runs).
  2. Read the chat JSONL of `npm run dataset`, apply the tokenizer's chat template, and mask the
     loss to the assistant turn (the JSON answer): the model learns to answer the engine's calls,
     not to repeat them.
  3. Train a LoRA with PEFT (plain PyTorch loop, AdamW, linear warm-up and decay).
  4. Save the PEFT adapter (DIR/peft/) and a log (DIR/train_log.json).
  5. Convert it with llama.cpp's own convert_lora_to_gguf.py (fetched from the llama-cpp-python
     sdist on PyPI into training/.cache/) to DIR/adapter.gguf.

Every call of the engine starts with the same system turn (the capability catalog and the domain
list, ~1,700 tokens). With --shared-prefix (the default when examples share 256 tokens or more),
that common prefix is evaluated once per optimizer step without gradients and every example trains
on its own suffix only: several times faster on a CPU; the adapter gets no gradient through the
prefix's keys and values (the forward pass is exact). Turn it off on a GPU: --shared-prefix off.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import subprocess
import sys
import time
from pathlib import Path

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(HERE))
from fetch_converter import ensure_converter  # noqa: E402

MIN_SHARED_PREFIX = 256


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, type=Path, help="a .gguf file or a Hugging Face model folder")
    p.add_argument("--data", required=True, type=Path, help="chat JSONL from npm run dataset")
    p.add_argument("--out", required=True, type=Path, help="output folder (peft/, adapter.gguf, train_log.json)")
    p.add_argument("--rank", type=int, default=16)
    p.add_argument("--alpha", type=int, default=32)
    p.add_argument("--dropout", type=float, default=0.05)
    p.add_argument("--targets", default="q_proj,k_proj,v_proj,o_proj", help="comma-separated module names")
    p.add_argument("--epochs", type=float, default=2.0)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--grad-accum", type=int, default=8, help="examples per optimizer step")
    p.add_argument("--max-len", type=int, default=4096, help="longer examples are skipped, never truncated")
    p.add_argument("--limit", type=int, default=0, help="train on at most N examples (0: all)")
    p.add_argument("--eval-examples", type=int, default=0, help="held back; their loss is measured before and after")
    p.add_argument("--max-minutes", type=float, default=0, help="stop training after this long (0: no limit)")
    p.add_argument("--shared-prefix", choices=["auto", "off"], default="auto")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--bf16", action="store_true", help="bfloat16: autocast on a CPU, bf16 weights on a GPU")
    p.add_argument("--gradient-checkpointing", action="store_true", help="less GPU memory for long sequences")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--outtype", default="f16", choices=["f32", "f16", "bf16", "q8_0"], help="GGUF adapter type")
    p.add_argument("--no-convert", action="store_true", help="stop after saving the PEFT adapter")
    return p.parse_args()


DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


def load_base(base: Path, dtype: torch.dtype):
    """Tokenizer and model from a HF folder or a GGUF file (dequantized)."""
    if base.suffix == ".gguf":
        tokenizer = AutoTokenizer.from_pretrained(base.parent, gguf_file=base.name)
        model = AutoModelForCausalLM.from_pretrained(base.parent, gguf_file=base.name, dtype=dtype)
    else:
        tokenizer = AutoTokenizer.from_pretrained(base)
        model = AutoModelForCausalLM.from_pretrained(base, dtype=dtype)
    # A GGUF-loaded config has no `architectures`; llama.cpp's converter picks its model class from it.
    if not model.config.architectures:
        model.config.architectures = [type(model).__name__]
    return tokenizer, model


def save_base_config(tokenizer, model, base: Path) -> Path:
    """The converter needs the base model's config (and tokenizer), not its weights."""
    folder = CACHE / f"base-{base.stem}"
    folder.mkdir(parents=True, exist_ok=True)
    config = copy.deepcopy(model.config)
    # Loaded from GGUF, the config says `quantization_config: gguf`; the saved base is plain weights'
    # shape information, and the converter refuses a quantization method it does not know.
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    config.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def encode(tokenizer, messages: list[dict]) -> tuple[list[int], list[int]] | None:
    """Token ids of the whole chat and labels that keep the assistant turn only (-100 elsewhere)."""
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(messages, tokenize=False)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    if full_ids[: len(prompt_ids)] != prompt_ids:
        return None
    return full_ids, [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]


def read_examples(path: Path, tokenizer, max_len: int) -> tuple[list[dict], dict]:
    examples, skipped = [], {"too_long": 0, "template_mismatch": 0}
    with path.open(encoding="utf8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            encoded = encode(tokenizer, row["messages"])
            if encoded is None:
                skipped["template_mismatch"] += 1
            elif len(encoded[0]) > max_len:
                skipped["too_long"] += 1
            else:
                examples.append({"ids": encoded[0], "labels": encoded[1], "step": row.get("step", row.get("call"))})
    return examples, skipped


def shared_prefix_length(examples: list[dict]) -> int:
    """Tokens every example starts with, within the part that carries no loss."""
    first = examples[0]["ids"]
    n = min(len(e["labels"]) - sum(1 for x in e["labels"] if x != -100) for e in examples)
    for e in examples[1:]:
        ids = e["ids"]
        i = 0
        while i < n and ids[i] == first[i]:
            i += 1
        n = i
    # Keep at least one prompt token in each suffix: its logits predict the first answer token.
    return max(0, n - 1)


class Stepper:
    """Loss of one example, with the shared prefix's keys and values evaluated once per step."""

    def __init__(self, model, prefix: list[int], bf16: bool):
        self.model, self.prefix, self.bf16 = model, prefix, bf16
        self.cache = None

    def refresh(self) -> None:
        if not self.prefix:
            return
        with torch.no_grad(), torch.autocast(DEVICE, dtype=torch.bfloat16, enabled=self.bf16):
            out = self.model(input_ids=torch.tensor([self.prefix], device=DEVICE), use_cache=True)
        self.cache = out.past_key_values

    def loss(self, example: dict):
        n = len(self.prefix)
        ids = torch.tensor([example["ids"][n:]], device=DEVICE)
        labels = torch.tensor([example["labels"][n:]], device=DEVICE)
        kwargs = {"past_key_values": copy.deepcopy(self.cache), "use_cache": True} if self.prefix else {}
        with torch.autocast(DEVICE, dtype=torch.bfloat16, enabled=self.bf16):
            return self.model(input_ids=ids, labels=labels, **kwargs).loss


def mean_loss(stepper: Stepper, examples: list[dict]) -> float | None:
    if not examples:
        return None
    stepper.refresh()
    with torch.no_grad():
        return sum(stepper.loss(e).item() for e in examples) / len(examples)


def main() -> None:
    args = parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.time()
    # On a GPU with --bf16 the weights themselves are bf16 (an 8B model: 16 GB instead of 32).
    dtype = torch.bfloat16 if args.bf16 and DEVICE == "cuda" else torch.float32
    tokenizer, model = load_base(args.base, dtype)
    base_config = save_base_config(tokenizer, model, args.base)
    model.to(DEVICE)
    if args.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    examples, skipped = read_examples(args.data, tokenizer, args.max_len)
    if not examples:
        sys.exit(f"train_lora: no usable example in {args.data} (skipped: {skipped})")
    random.shuffle(examples)
    held_out, examples = examples[: args.eval_examples], examples[args.eval_examples :]
    if args.limit:
        examples = examples[: args.limit]
    print(f"train_lora: {len(examples)} training examples, {len(held_out)} held back, skipped {skipped}", flush=True)

    model = get_peft_model(
        model,
        LoraConfig(
            r=args.rank,
            lora_alpha=args.alpha,
            lora_dropout=args.dropout,
            target_modules=args.targets.split(","),
            task_type="CAUSAL_LM",
        ),
    )
    model.print_trainable_parameters()

    prefix_len = shared_prefix_length(examples + held_out) if args.shared_prefix == "auto" else 0
    prefix = examples[0]["ids"][:prefix_len] if prefix_len >= MIN_SHARED_PREFIX else []
    print(f"train_lora: shared prefix {len(prefix)} tokens", flush=True)
    stepper = Stepper(model, prefix, args.bf16)

    model.eval()
    loss_before = mean_loss(stepper, held_out)
    model.train()

    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    order = [e for _ in range(math.ceil(args.epochs)) for e in random.sample(examples, len(examples))]
    order = order[: round(len(examples) * args.epochs)]
    total_steps = math.ceil(len(order) / args.grad_accum)
    warmup = max(1, round(total_steps * 0.05))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total_steps - s) / max(1, total_steps - warmup)))
    )

    log, seen, train_started, stopped_early = [], 0, time.time(), False
    for step in range(total_steps):
        if args.max_minutes and time.time() - train_started > args.max_minutes * 60:
            stopped_early = True
            print(f"train_lora: time budget reached after {step} steps", flush=True)
            break
        chunk = order[step * args.grad_accum : (step + 1) * args.grad_accum]
        stepper.refresh()
        total = 0.0
        for example in chunk:
            loss = stepper.loss(example) / len(chunk)
            loss.backward()
            total += loss.item()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        seen += len(chunk)
        elapsed = time.time() - train_started
        log.append({"step": step + 1, "examples": seen, "loss": round(total, 4), "seconds": round(elapsed, 1)})
        print(f"step {step + 1}/{total_steps} examples {seen} loss {total:.4f} ({elapsed:.0f}s)", flush=True)

    train_seconds = time.time() - train_started
    model.eval()
    loss_after = mean_loss(stepper, held_out)
    peft_dir = args.out / "peft"
    model.save_pretrained(peft_dir)

    tail = [entry["loss"] for entry in log[-5:]]
    summary = {
        "base": str(args.base),
        "data": str(args.data),
        "examples_trained": seen,
        "examples_available": len(examples),
        "skipped": skipped,
        "held_out_examples": len(held_out),
        "held_out_loss_before": loss_before,
        "held_out_loss_after": loss_after,
        "steps": len(log),
        "stopped_at_time_budget": stopped_early,
        "first_loss": log[0]["loss"] if log else None,
        "final_loss": round(sum(tail) / len(tail), 4) if tail else None,
        "train_seconds": round(train_seconds, 1),
        "total_seconds": None,
        "shared_prefix_tokens": len(prefix),
        "hyperparameters": {
            k: getattr(args, k)
            for k in ["rank", "alpha", "dropout", "targets", "epochs", "lr", "grad_accum", "max_len", "bf16", "threads"]
        },
        "device": DEVICE,
        "versions": {"torch": torch.__version__, "transformers": __import__("transformers").__version__,
                     "peft": __import__("peft").__version__},
        "log": log,
    }

    if not args.no_convert:
        converter = ensure_converter()
        outfile = args.out / "adapter.gguf"
        subprocess.run(
            [sys.executable, str(converter), "--base", str(base_config), "--outtype", args.outtype,
             "--outfile", str(outfile), str(peft_dir)],
            check=True,
        )
        summary["adapter"] = str(outfile)
        summary["adapter_bytes"] = outfile.stat().st_size
    summary["total_seconds"] = round(time.time() - started, 1)
    (args.out / "train_log.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if k != "log"}, indent=2))


if __name__ == "__main__":
    main()
