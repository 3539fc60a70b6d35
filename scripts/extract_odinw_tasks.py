#!/usr/bin/env python3
"""Regenerates datasets/data/odinw_tasks.json from the project's benchmark facts
(/work/shared/data/odinw.json, itself read off microsoft/GLIP@9dda955 configs/odinw_{13,35}).
Run by hand when the facts change; the build only embeds the output."""
import json
import os
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/odinw.json"
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "..", "datasets", "data", "odinw_tasks.json")
d = json.load(open(src))


def strip_root(path):
    # Paths in GLIP's configs are relative to its DATASET root; ovbench's --root is DATASET/odinw.
    assert path.startswith("odinw/"), path
    return path[len("odinw/"):]


def config(cfg):
    train_dir = os.path.dirname(strip_root(cfg["splits"]["train"]["ann_file"]))
    example = cfg["fewshot_ann_file_example"]["train_1_3"]
    assert strip_root(example) == train_dir + "/fewshot_train_shot1_seed3.json", example
    return {
        "categories": [{"id": c["id"], "name": c["name"]} for c in cfg["categories"]],
        "caption_prompt": cfg["caption_prompt"],
        "glip_prompt": cfg["glip_zero_shot_eval_prompt"],
        "eval_split": cfg["test_split_in_config"],
        "splits": {k: strip_root(v["ann_file"]) for k, v in sorted(cfg["splits"].items())},
        "fewshot_dir": train_dir,
    }


tasks = {}
for name in sorted(set(d["odinw35"]) | {t["config"] for t in d["odinw13"]}):
    t = d["datasets"][name]
    tasks[name] = {"paper_name": t.get("glip_paper_name"),
                   "configs": {k: config(v) for k, v in sorted(t["configs"].items())}}

result = {
    "description": "ODinW tasks as GLIP evaluates them: the ODinW-13 (configs/odinw_13, with the "
                   "GLIP paper's short names) and ODinW-35 (configs/odinw_35/_all.json) task lists; "
                   "per task and config the categories as GLIP prompts them (OVERRIDE_CATEGORY), "
                   "CAPTION_PROMPT, the zero-shot query GLIP builds, the split GLIP's evaluation "
                   "uses (DATASETS.TEST), annotation files relative to the ODinW download root "
                   "(DATASET/odinw), and the folder holding fewshot_train_shot{k}_seed{s}.json.",
    "source": d["source"][0],
    "generated_by": "scripts/extract_odinw_tasks.py from /work/shared/data/odinw.json",
    "aggregate": d["aggregate"],
    "fewshot_shots": d["fewshot_protocol"]["shots"],
    "fewshot_seeds": d["fewshot_protocol"]["seeds"],
    "odinw13": [{"task": t["config"], "paper_name": t["paper_name"]} for t in d["odinw13"]],
    "odinw35": d["odinw35"],
    "tasks": tasks,
}
with open(out, "w") as f:
    json.dump(result, f, indent=1, ensure_ascii=False)
    f.write("\n")
