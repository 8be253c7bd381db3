#!/usr/bin/env python3
"""yosys_stat.py : read a Yosys `stat` listing (synth_ice40 or synth_ecp5, flat or -noflatten)
and print one line per module: its own cells by class, its instance count, and the total of
the whole design (own cost x instances, over the hierarchy).

Usage: yosys_stat.py STAT.txt [--arch ice40|ecp5] [--markdown] [--total-only]
Classes: ice40 LUT4=SB_LUT4, CARRY=SB_CARRY, FF=SB_DFF*, BRAM=SB_RAM40_4K, SPRAM=SB_SPRAM256KA,
DSP=SB_MAC16; ecp5 LUT4=LUT4, CARRY=CCU2C (2 LUT4 each), FF=TRELLIS_FF, LUTRAM=TRELLIS_DPR16X4,
BRAM=DP16KD, DSP=MULT18X18D; plus the LUT4 equivalent for ecp5: LUT4 + 2*CCU2C + 4*DPR16X4
(each DPR16X4 takes half a slice: two LUT4 sites and ...)."""
import re
import sys

CLASSES = {
    "ice40": [("LUT4", r"SB_LUT4$"), ("CARRY", r"SB_CARRY$"), ("FF", r"SB_DFF\w*$"),
              ("BRAM", r"SB_RAM40_4K\w*$"), ("SPRAM", r"SB_SPRAM256KA$"), ("DSP", r"SB_MAC16$")],
    "ecp5": [("LUT4", r"LUT4$"), ("CARRY", r"CCU2C$"), ("FF", r"TRELLIS_FF$"),
             ("LUTRAM", r"TRELLIS_DPR16X4$"), ("BRAM", r"DP16KD$"), ("DSP", r"MULT18X18D$")],
}


def parse(text):
    """Return {module: {cell_type: count}} and the hierarchy instance counts."""
    mods = {}
    parts = re.split(r"^=== (.+?) ===$", text, flags=re.M)
    hier = {}
    for name, body in zip(parts[1::2], parts[2::2]):
        cells = {}
        for ctype, n in re.findall(r"^\s{5}(\S+)\s+(\d+)\s*$", body, flags=re.M):
            cells[ctype] = cells.get(ctype, 0) + int(n)
        if name == "design hierarchy":
            top_seen = False
            for line in body.splitlines():
                m = re.match(r"^(\s{3,})(\S+)\s+(\d+)\s*$", line)
                if m and "Number" not in line and len(m.group(1)) >= 3:
                    if not top_seen:
                        top_seen = True
                    hier.setdefault(m.group(2), 0)
            hier["__total__"] = cells
        else:
            mods[name] = cells
    return mods, hier


def classify(cells, arch):
    out = {}
    for cname, pat in CLASSES[arch]:
        out[cname] = sum(n for t, n in cells.items() if re.match(pat, t.lstrip("\\$")))
    if arch == "ecp5":
        out["LUT4eq"] = out["LUT4"] + 2 * out["CARRY"] + 2 * out["LUTRAM"]
    return out


def instance_counts(text, mods):
    """Instances of each module in the whole design, from the hierarchy tree."""
    m = re.search(r"^=== design hierarchy ===$(.*?)^\s+Number of wires", text, flags=re.M | re.S)
    counts = {}
    if not m:
        for name in mods:
            counts[name] = 1
        return counts
    stack = []
    for line in m.group(1).splitlines():
        mm = re.match(r"^(\s+)(\S+)(?:\s+(\d+))?\s*$", line)
        if not mm:
            continue
        depth = len(mm.group(1))
        n = int(mm.group(3)) if mm.group(3) else 1
        while stack and stack[-1][0] >= depth:
            stack.pop()
        mult = (stack[-1][1] if stack else 1) * n
        counts[mm.group(2)] = counts.get(mm.group(2), 0) + mult
        stack.append((depth, mult))
    return counts


def short(name):
    """$paramod$hash\\core_csr or $paramod\\core_tlb\\Entries=... -> core_csr(Entries=16)"""
    name = name.lstrip("\\")
    m = re.match(r"\$paramod(?:\$[0-9a-f]+)?\\([^\\]+)(.*)$", name)
    if not m:
        return name
    params = []
    for p, v in re.findall(r"\\(\w+)=(?:s?\d+')?([01]+)", m.group(2)):
        params.append(f"{p}={int(v, 2)}")
    return m.group(1) + (f"({','.join(params)})" if params else "")


def main():
    args = sys.argv[1:]
    arch = "ice40"
    if "--arch" in args:
        arch = args[args.index("--arch") + 1]
    md = "--markdown" in args
    text = open(args[0]).read()
    mods, _ = parse(text)
    counts = instance_counts(text, mods)
    cols = [c for c, _ in CLASSES[arch]] + (["LUT4eq"] if arch == "ecp5" else [])
    total = {c: 0 for c in cols}
    rows = []
    for name, cells in mods.items():
        k = classify(cells, arch)
        n = counts.get(name, 1)
        for c in cols:
            total[c] += k[c] * n
        rows.append((short(name), n, k))
    rows.sort(key=lambda r: -r[2]["LUT4"] * r[1])
    if "--total-only" in args:
        print(" ".join(f"{c}={total[c]}" for c in cols))
        return
    if md:
        print("| module (own logic) | inst | " + " | ".join(cols) + " | LUT4 x inst |")
        print("|---|---:|" + "---:|" * len(cols) + "---:|")
        for name, n, k in rows:
            print(f"| `{name}` | {n} | " + " | ".join(str(k[c]) for c in cols) +
                  f" | {k['LUT4'] * n} |")
        print("| **total** | | " + " | ".join(f"**{total[c]}**" for c in cols) +
              f" | **{total['LUT4']}** |")
    else:
        for name, n, k in rows:
            print(f"{name:48s} x{n}  " + "  ".join(f"{c}={k[c]}" for c in cols))
        print(f"{'TOTAL':48s}     " + "  ".join(f"{c}={total[c]}" for c in cols))


if __name__ == "__main__":
    main()
