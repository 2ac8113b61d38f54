#!/usr/bin/env python3
"""Mutation fuzzing of the verkosto command line.

Takes the bundled inputs (the seed dataset, the CSV example, the five seed
descriptions), mutates them — structurally (keys removed, values of the
wrong type, huge or non-finite numbers, duplicated ids, control characters,
deep nesting) and byte by byte (flips, truncation, insertion) — and runs
every command on each mutant with random valid and invalid options, each in
a fresh directory. It fails on:

* an exit code other than 0 (success), 1 (bad data) or 2 (bad usage),
  including a crash by signal or a Rust panic message;
* a run that takes longer than the timeout (10 s by default);
* a file left behind that the command did not declare as its output, an
  output left after a failed run, or an input that changed.

Every failure is saved as a reproducer (the input, the command line and
what went wrong) under --failures. Only the standard library is used.

    python3 tests/fuzz/mutate.py --binary target/release/verkosto --minutes 3
    python3 tests/fuzz/mutate.py --binary target/release/verkosto --minutes 30 --seed 7
"""

import argparse
import copy
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

STRANGE_STRINGS = [
    "", " ", "\u0000", "\u0007\u001b[2J", "\ufffe", "\uffff", "x\u0001", "&lt;b&gt;",
    "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "\uff1d1+1", "a" * 5000,
    "Ääkköset Åbo", "😀", "../../etc/passwd", "id", "degree", "NaN", "-1", "1e309",
    "maija@example.fi", "040 123 4567", "131052-308T", "![x](http://x)", "\"", ",", "\n",
]
STRANGE_NUMBERS = [0, -1, -0.0, 1e308, -1e308, 1e-320, 2**63, 2**64 + 1, 0.5, 3]
STRANGE_DATES = ["2020-02-30", "2020-13-01", "0000-01-01", "9999-12-31", "2021-09-01", "yesterday", ""]


def strange_value(rng, depth=0):
    choice = rng.randrange(9)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.choice(STRANGE_NUMBERS)
    if choice == 3:
        return rng.choice(STRANGE_DATES)
    if choice == 4 and depth < 3:
        return [strange_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    if choice == 5 and depth < 3:
        return {rng.choice(STRANGE_STRINGS)[:20]: strange_value(rng, depth + 1)}
    if choice == 6:
        # Deep nesting: the loader must refuse it, not overflow its stack.
        depth = rng.choice([10, 200, 5000])
        return json.loads("[" * depth + "]" * depth) if depth < 900 else "deep"
    return rng.choice(STRANGE_STRINGS)


def containers(value, path=()):
    """Every dict and list inside value, with its path."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)):
                yield from containers(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, (dict, list)):
                yield from containers(v, path + (i,))


def mutate_json(rng, data):
    data = copy.deepcopy(data)
    for _ in range(rng.choice([1, 1, 2, 4])):
        places = list(containers(data))
        _, target = rng.choice(places)
        op = rng.randrange(6)
        if isinstance(target, dict) and target:
            key = rng.choice(list(target))
            if op == 0:
                del target[key]
            elif op == 1:
                target[key] = strange_value(rng)
            elif op == 2:
                target[rng.choice(STRANGE_STRINGS)[:30]] = strange_value(rng)
            elif op == 3 and isinstance(target[key], str):
                target[key] = target[key] + rng.choice(STRANGE_STRINGS)
            else:
                target[key] = copy.deepcopy(rng.choice(list(target.values())))
        elif isinstance(target, list) and target:
            i = rng.randrange(len(target))
            if op == 0:
                del target[i]
            elif op == 1:
                target.append(copy.deepcopy(target[i]))  # a duplicate id
            elif op == 2:
                target[i] = strange_value(rng)
            elif op == 3:
                target.extend(copy.deepcopy(target) * rng.choice([1, 3]))
            else:
                rng.shuffle(target)
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.15:
        # A duplicated key, which JSON parsers disagree about.
        text = text.replace('"name":', '"name": "dup", "name":', 1)
    return text.encode()


def mutate_bytes(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        op = rng.randrange(5)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            del data[i : i + rng.randint(1, 64)]
        elif op == 2:
            data[i:i] = rng.choice([b"\x00", b"\xff\xfe", b"\r", b"\n\n", b'"', b",", b";", b"\xe2\x80\xa8"])
        elif op == 3:
            chunk = data[i : i + rng.randint(1, 200)]
            data[i:i] = chunk * rng.randint(1, 50)
        else:
            data = data[: i + 1]
    return bytes(data)


def mutate_lines(rng, text):
    lines = text.split(b"\n")
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.randrange(5)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            lines[i] = lines[i] + rng.choice(STRANGE_STRINGS).encode()
        elif op == 3:
            rng.shuffle(lines)
        else:
            field = rng.choice([b"Hankekoodi: ", b"Hakijan virallinen nimi: ", b"Organisaatiotyyppi: ",
                                b"Toteutusaika: ", b"Hankkeen nimi: ", "Myönnetty EU- ja valtion rahoitus: ".encode()])
            lines.insert(i, field + rng.choice(STRANGE_STRINGS).encode())
    return b"\n".join(lines)


XLSX_EDITS = [
    (rb'r="[A-Z]+[0-9]+"', [b'r="XFD1048576"', b'r="A1"', b'r="XFE1"', b'r="A0"', b'r="ZZZZ9"', b'r=""']),
    (rb'<v>[0-9]+</v>', [b'<v>999999999</v>', b'<v>-1</v>', b'<v>x</v>', b'<v></v>', b'<v>1e309</v>']),
    (rb't="[a-zA-Z]+"', [b't="s"', b't="inlineStr"', b't="b"', b't="e"', b't="d"', b't="zz"']),
    (rb'<row r="[0-9]+"', [b'<row r="1048577"', b'<row r="0"', b'<row r="x"', b'<row']),
    (rb'name="[^"]*"', [b'name="ACTORS"', b'name="actors"', b'name=""', b'name="participation"']),
    (rb'count="[0-9]+"', [b'count="4000000000"', b'count="-1"']),
    (rb'numFmtId="[0-9]+"', [b'numFmtId="14"', b'numFmtId="99999"']),
]


def mutate_workbook(rng, data):
    """A workbook with one or a few of its parts changed: cell references
    moved to the grid's far corner or off it, shared-string indices past
    the table, types swapped, sheets renamed, parts dropped or cut, or
    plain byte damage."""
    import io
    import re
    import zipfile
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    except Exception:
        return mutate_bytes(rng, data)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(parts))
        name, content = parts[i]
        roll = rng.random()
        if roll < 0.55:
            pattern, replacements = rng.choice(XLSX_EDITS)
            matches = list(re.finditer(pattern, content))
            if matches:
                m = rng.choice(matches)
                content = content[:m.start()] + rng.choice(replacements) + content[m.end():]
        elif roll < 0.65:
            del parts[i]
            continue
        elif roll < 0.75:
            content = content[: rng.randrange(len(content) + 1)]
        elif roll < 0.85:
            # A cell repeated, or one cell's text made large.
            content = content.replace(b"</t>", b"x" * rng.choice([1, 40_000, 200_000]) + b"</t>", 1)
        else:
            content = mutate_bytes(rng, content)
        parts[i] = (name, content)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts:
            z.writestr(name, content)
    return out.getvalue() if rng.random() < 0.9 else mutate_bytes(rng, out.getvalue())


def options(rng):
    """Random analysis options: mostly valid, one in eight invalid on purpose."""
    pool = [
        ("--roles", ["all", "coordinator,partner", "all-but-target"], ["nonsense", ""]),
        ("--role-ties", ["member=star", "all=clique", "target=none", "partner=star,member=clique"], ["x=y"]),
        ("--weight", ["count", "newman"], ["bogus"]),
        ("--from", ["2019-01-01", "2022-06-30"], ["2020-02-30", "yesterday"]),
        ("--to", ["2021-12-31", "2030-01-01"], ["2020-13-01"]),
        ("--min-weight", ["1", "2", "0.5"], ["-1", "NaN", "inf"]),
        ("--actor-kinds", ["firm", "municipality,university"], ["nope"]),
        ("--clique-limit", ["1", "8", "100"], ["0", "99999999999"]),
        ("--reach", None, None),
        ("--resolution", ["1", "0.5", "3"], ["0", "-3", "1e9"]),
        ("--seed", ["1", "42"], ["-1"]),
    ]
    chosen = []
    for flag, valid, invalid in rng.sample(pool, rng.choice([0, 0, 1, 1, 2, 3])):
        chosen.append(flag)
        if valid is not None:
            chosen.append(rng.choice(invalid if rng.random() < 0.125 else valid))
    return chosen


def command(rng, kind):
    """A command line (after the binary) and the outputs it may write."""
    if kind == "json":
        name = rng.choice(["validate", "summary", "actors", "communities", "brokers", "ties",
                           "projects", "reach", "render", "render", "report", "export", "export",
                           "evolution", "compare", "merge", "identities", "backbone"])
        args = [name, "input.json"]
        outputs = []
        if name == "merge":
            return ["merge", "input.json", "input.json", "-o", "merged.json"], ["merged.json"]
        if name in ("summary", "actors", "communities", "brokers", "ties", "projects", "reach", "identities",
                    "backbone"):
            args += rng.choice([[], ["--format", "json"], ["--format", "csv"], [], ["--format", "xml"]])
            if rng.random() < 0.15:
                args += ["--format", "xlsx", "-o", "table.xlsx"]
                outputs = ["table.xlsx"]
        if name == "render":
            ext = rng.choice(["svg", "dot", "svg", "png"])
            args += ["-o", f"map.{ext}"]
            if ext == "svg" and rng.random() < 0.5:
                args.append("--builtin")
            args += rng.choice([[], ["--labels", "all"], ["--labels", "top:3"], ["--size", "a4"],
                                ["--size", "0x0"], ["--ego", "a"], ["--lang", "fi"], ["--mode", "two-mode"],
                                ["--max-actors", "3"], ["--cluster-by", "community"], ["--title", "&#x1;"],
                                ["--hubs"], ["--hubs", "2"], ["--hubs", "1"], ["--layout", "geo"],
                                ["--layout", "geo", "--hubs", "3"], ["--select", "core:2"],
                                ["--select", "top:2:betweenness"], ["--select", "repeated:9"],
                                ["--select", "top:0"]])
            outputs = [f"map.{ext}"]
        if name == "backbone":
            args += rng.choice([[], ["--model", "hypergeometric"], ["--model", "disparity"], ["--model", "x"],
                                ["--alpha", "0.2"], ["--alpha", "0"], ["--correction", "holm"],
                                ["--correction", "none", "--kept"], ["--explain", "--lang", "fi"]])
        if name != "validate" and name != "backbone" and rng.random() < 0.1:
            args += ["--select", rng.choice(["backbone:sdsm", "backbone:hypergeometric:0.5:none",
                                             "backbone:disparity:0.3", "backbone:x", "repeated",
                                             "core", "top:3"])]
        if name == "evolution":
            args += rng.choice([[], ["--by", "quarter"], ["--by", "month"], ["--by", "2018-01-01,2021-01-01"],
                                ["--by", "weekly"], ["--cumulative"], ["--metrics", "degree,betweenness"],
                                ["--metrics", "nope"]])
            args += rng.choice([[], ["-f", "json"], ["-f", "csv"]])
        if name == "compare":
            args += rng.choice([["--before", "2016..2020", "--after", "2021.."], ["--before", "..2019", "--after", "2020..2023"],
                                ["--before", "2020..2016", "--after", "2021.."], ["--before", "2016"],
                                ["input.json"]])
            if rng.random() < 0.3:
                args += ["--map", "after.svg"]
                outputs = ["after.svg"]
            args += rng.choice([[], ["-f", "json"], ["-f", "csv"]])
        if name == "report":
            args += ["-o", "report"]
            args += rng.choice([[], ["--lang", "fi"], ["--lang", "sv"], ["--maps", "two-mode"], ["--maps", "x"],
                                ["--before", "2016..2020", "--after", "2021.."]])
            outputs = ["report"]
        if name == "export":
            fmt = rng.choice(["gexf", "graphml", "node-link", "pajek", "csv", "xlsx"])
            target = "export" if fmt == "csv" else f"network.{fmt}"
            args += ["--to", fmt, "-o", target] + rng.choice([[], ["--with-metrics"]])
            outputs = [target]
        if name != "validate":
            args += options(rng)
        return args, outputs
    if kind == "xlsx":
        args = ["import", "xlsx", "book.xlsx", "-o", "out.json"]
        if rng.random() < 0.3:
            args += ["--memory", rng.choice(["64M", "256M", "1G"])]
        return args, ["out.json"]
    if kind == "csv":
        args = ["import", "csv", "--actors", "actors.csv", "--participation", "participation.csv", "-o", "out.json"]
        return args, ["out.json"]
    if kind == "keepeu":
        return ["import", "keep-eu", "partners.csv", "-o", "out.json"], ["out.json"]
    if kind == "cordis":
        return ["import", "cordis", "--projects", "project.csv", "--organizations", "organization.csv",
                "-o", "out.json"], ["out.json"]
    if kind == "columns":
        return ["import", "csv", "partners.csv", "--columns", "mapping.toml", "-o", "out.json"], ["out.json"]
    if kind == "decisions":
        return ["identities", "input.json", "--accept", "review.csv", "-o", "out.json"], ["out.json"]
    args = ["import", "descriptions", "--review", "-o", "out.json"] + sorted(
        f for f in os.listdir(".") if f.endswith(".txt")
    )
    return args, ["out.json"]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def listing(root):
    found = set()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            found.add(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def run_case(binary, rng, sources, timeout, case_dir):
    kind = rng.choice(["json", "json", "json", "csv", "descriptions", "xlsx",
                       "keepeu", "cordis", "columns", "decisions"])
    os.makedirs(case_dir)
    if kind == "json":
        data = sources["json"]
        roll = rng.random()
        if roll < 0.2:
            mutant = json.dumps(data).encode()  # the options alone
        elif roll < 0.8:
            mutant = mutate_json(rng, data)
        else:
            mutant = mutate_bytes(rng, json.dumps(data).encode())
        inputs = {"input.json": mutant}
    elif kind == "xlsx":
        inputs = {"book.xlsx": mutate_workbook(rng, sources["xlsx"])}
    elif kind in ("keepeu", "cordis", "columns", "decisions"):
        inputs = {}
        for name, content in sources[kind].items():
            inputs[name] = mutate_bytes(rng, content) if rng.random() < 0.7 else content
    elif kind == "csv":
        inputs = {}
        for name, content in sources["csv"].items():
            inputs[name] = mutate_bytes(rng, content) if rng.random() < 0.6 else content
    else:
        inputs = {}
        for name, content in rng.sample(sorted(sources["descriptions"].items()), rng.randint(1, 3)):
            mutated = mutate_lines(rng, content) if rng.random() < 0.6 else mutate_bytes(rng, content)
            inputs[name] = mutated
    for name, content in inputs.items():
        with open(os.path.join(case_dir, name), "wb") as f:
            f.write(content)
    before = {name: digest(os.path.join(case_dir, name)) for name in inputs}
    cwd = os.getcwd()
    os.chdir(case_dir)
    try:
        args, outputs = command(rng, kind)
    finally:
        os.chdir(cwd)
    started = time.monotonic()
    problems = []
    try:
        # Under a 4 GB address-space limit, as the reproducers are run: an
        # allocation that does not fit must be a clean error, not an abort.
        limit = ["prlimit", "--as=4000000000"] if shutil.which("prlimit") else []
        result = subprocess.run(limit + [binary] + args, cwd=case_dir, capture_output=True, timeout=timeout,
                                env={**os.environ, "NO_COLOR": "1"})
        code = result.returncode
        stderr = result.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        code, stderr = None, ""
        problems.append(f"took longer than {timeout} s")
    elapsed = time.monotonic() - started
    if code is not None and code not in (0, 1, 2):
        problems.append(f"exit code {code}")
    if "panicked" in stderr or "RUST_BACKTRACE" in stderr:
        problems.append("panic: " + stderr.strip().splitlines()[-1][:300])
    left = listing(case_dir) - set(inputs)
    allowed = set()
    for output in outputs:
        allowed.add(output)
        if os.path.isdir(os.path.join(case_dir, output)):
            allowed |= {os.path.join(output, p) for p in listing(os.path.join(case_dir, output))}
    stray = sorted(p for p in left if p not in allowed)
    if stray:
        problems.append(f"files left behind: {stray[:5]}")
    # A description that cannot be read fails alone (exit 1) while the
    # others are written, so only the other commands must leave nothing.
    if code == 1 and left and kind != "descriptions":
        partial = sorted(p for p in left if not p.endswith(".verkosto-outputs"))
        if partial:
            problems.append(f"outputs left after exit {code}: {partial[:5]}")
    for name, d in before.items():
        if not os.path.exists(os.path.join(case_dir, name)) or digest(os.path.join(case_dir, name)) != d:
            problems.append(f"input {name} changed")
    return kind, args, code, elapsed, problems, inputs, stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(REPO, "target/release/verkosto"))
    parser.add_argument("--minutes", type=float, default=3.0, help="how long to run (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a run may take (default 10)")
    parser.add_argument("--failures", default=os.path.join(REPO, "target/fuzz-failures"),
                        help="where reproducers are saved")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} is not an executable; build it with cargo build --release")

    with open(os.path.join(REPO, "graphs/finland-regional.json"), "rb") as f:
        sources = {"json": json.load(f)}
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, "seed.xlsx")
        subprocess.run([args.binary, "export", os.path.join(REPO, "graphs/finland-regional.json"),
                        "--to", "xlsx", "-o", book], check=True, capture_output=True)
        with open(book, "rb") as f:
            sources["xlsx"] = f.read()
    csv_dir = os.path.join(REPO, "graphs/examples/csv")
    sources["csv"] = {}
    for name in ("actors.csv", "participation.csv"):
        with open(os.path.join(csv_dir, name), "rb") as f:
            sources["csv"][name] = f.read()
    def read(path):
        with open(os.path.join(REPO, path), "rb") as f:
            return f.read()
    sources["keepeu"] = {"partners.csv": read("graphs/examples/keep-eu/partners.csv")}
    sources["cordis"] = {"project.csv": read("graphs/examples/cordis/project.csv"),
                         "organization.csv": read("graphs/examples/cordis/organization.csv")}
    sources["columns"] = {"partners.csv": read("graphs/examples/mapped/partners.csv"),
                          "mapping.toml": read("mappings/interreg-2021-2027-se.toml")}
    sources["decisions"] = {"input.json": read("graphs/examples/two-mode.json"),
                            "review.csv": b"cluster,decision,id\n1,merge,k1\n1,merge,k2\n2,,k3\n"}
    seeds_dir = os.path.join(REPO, "graphs/seeds")
    sources["descriptions"] = {}
    for name in sorted(os.listdir(seeds_dir)):
        with open(os.path.join(seeds_dir, name), "rb") as f:
            sources["descriptions"][name] = f.read()

    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    runs, failures, codes, slowest = 0, 0, {}, 0.0
    by_command = {}
    with tempfile.TemporaryDirectory(prefix="verkosto-fuzz-") as scratch:
        while time.monotonic() < deadline:
            case_dir = os.path.join(scratch, f"case-{runs}")
            kind, argv, code, elapsed, problems, inputs, stderr = run_case(
                args.binary, rng, sources, args.timeout, case_dir)
            runs += 1
            codes[code] = codes.get(code, 0) + 1
            name = " ".join(argv[:2]) if argv[0] == "import" else argv[0]
            by_command.setdefault(name, {}).setdefault(code, 0)
            by_command[name][code] += 1
            slowest = max(slowest, elapsed)
            if problems:
                failures += 1
                saved = os.path.join(args.failures, f"seed{args.seed}-case{runs - 1}")
                shutil.rmtree(saved, ignore_errors=True)
                os.makedirs(saved)
                for name, content in inputs.items():
                    with open(os.path.join(saved, name), "wb") as f:
                        f.write(content)
                with open(os.path.join(saved, "README.txt"), "w") as f:
                    f.write("verkosto " + " ".join(argv) + "\n\n" + "\n".join(problems) + "\n\n" + stderr)
                print(f"FAIL {kind}: verkosto {' '.join(argv)}: {'; '.join(problems)} (saved in {saved})")
            shutil.rmtree(case_dir, ignore_errors=True)
    for name, counts in sorted(by_command.items()):
        print(f"  {name:22} " + ", ".join(f"exit {c}: {n}" for c, n in sorted(counts.items(), key=str)))
    print(f"{runs} runs, {failures} failures; exit codes {dict(sorted(codes.items(), key=str))}; "
          f"slowest {slowest:.1f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
