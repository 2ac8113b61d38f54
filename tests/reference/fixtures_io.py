"""What every reference script shares: comparing recomputed values with the
checked-in fixtures, and writing or checking a fixture file."""
import json


def same(a, b, tol=1e-12):
    """Equal structure, numbers within a relative tolerance."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], tol) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= tol * max(1.0, abs(a), abs(b))
    return a == b


def keep(path, value, check, tol=1e-12, sort_keys=False):
    """Writes `value` to the fixture `path`, or with `check` compares it
    with what is there; returns False when they differ."""
    text = json.dumps(value, indent=1, ensure_ascii=False, sort_keys=sort_keys) + "\n"
    if not check:
        path.write_text(text)
        return True
    return path.exists() and same(json.loads(path.read_text()), json.loads(text), tol)
