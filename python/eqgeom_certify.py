#!/usr/bin/env python3
"""Re-runs eqgeom's exact certificate of an adapted basis without eqgeom (MATH.md §8.6).

Usage: python3 python/eqgeom_certify.py basis.json   (written by `eqgeom basis ... --out basis.json`)

Pure Python (fractions): number-field elements are coefficient lists modulo the class's defining
polynomial. Checks: B^T B diagonal and nonzero on every orbit; P_s B = B M_s for every generator; each
model's commutant has dimension delta, its structure maps are Lambda-skew with nonzero scalar squares
(I'J' = -J'I', K' = I'J' for H); the blocks list every class's embeddings once with the copies present;
no two blocks have equal characters (compared in floating point on the group's elements); sum w*mu = n and
sum delta*mu^2 = the number of orbitals of G on [n]^2 (counted here by union-find over pairs), both with the
copies present. Exit status 0 when everything holds.
"""
import json
import sys
from fractions import Fraction

DELTA = {"R": 1, "C": 2, "H": 4}


class Field:
    def __init__(self, coefficients):
        f = [Fraction(c) for c in coefficients]
        self.f = [c / f[-1] for c in f]  # monic
        self.d = len(f) - 1

    def element(self, text):
        v = [Fraction(c) for c in text] + [Fraction(0)] * self.d
        return tuple(v[: self.d]) if self.d > 0 else (Fraction(0),)

    def zero(self):
        return tuple([Fraction(0)] * self.d)

    def one(self):
        return tuple([Fraction(1)] + [Fraction(0)] * (self.d - 1))

    def add(self, a, b):
        return tuple(x + y for x, y in zip(a, b))

    def neg(self, a):
        return tuple(-x for x in a)

    def mul(self, a, b):
        prod = [Fraction(0)] * (2 * self.d - 1)
        for i, x in enumerate(a):
            if x:
                for j, y in enumerate(b):
                    if y:
                        prod[i + j] += x * y
        for k in range(len(prod) - 1, self.d - 1, -1):  # reduce modulo the monic f
            c = prod[k]
            if c:
                for i in range(self.d + 1):
                    prod[k - self.d + i] -= c * self.f[i]
        return tuple(prod[: self.d])

    def inverse(self, a):
        # extended Euclid in Q[x]: s*a + t*f = 1
        def trim(p):
            while len(p) > 1 and p[-1] == 0:
                p = p[:-1]
            return p

        def divmod_(p, q):
            p = list(p)
            out = [Fraction(0)] * max(len(p) - len(q) + 1, 1)
            while len(p) >= len(q) and any(p):
                c = p[-1] / q[-1]
                k = len(p) - len(q)
                out[k] = c
                for i, y in enumerate(q):
                    p[k + i] -= c * y
                p = trim(p[:-1]) if len(p) > 1 else p
            return trim(out), trim(p)

        def sub(p, q):
            n = max(len(p), len(q))
            p = list(p) + [Fraction(0)] * (n - len(p))
            q = list(q) + [Fraction(0)] * (n - len(q))
            return trim([x - y for x, y in zip(p, q)])

        def mulp(p, q):
            out = [Fraction(0)] * (len(p) + len(q) - 1)
            for i, x in enumerate(p):
                for j, y in enumerate(q):
                    out[i + j] += x * y
            return trim(out)

        r0, r1 = trim(list(self.f)), trim(list(a))
        s0, s1 = [Fraction(0)], [Fraction(1)]
        while any(r1):
            q, r = divmod_(r0, r1)
            r0, r1 = r1, r
            s0, s1 = s1, sub(s0, mulp(q, s1))
        c = r0[0]
        s = [x / c for x in s0] + [Fraction(0)] * self.d
        return tuple(s[: self.d])

    def is_zero(self, a):
        return not any(a)


def rank(field, rows, unknowns):
    pivots = []
    reduced = []
    for row in rows:
        r = list(row)
        for p, pr in zip(pivots, reduced):
            if not field.is_zero(r[p]):
                c = r[p]
                r = [field.add(x, field.neg(field.mul(c, y))) for x, y in zip(r, pr)]
        nz = [j for j in range(unknowns) if not field.is_zero(r[j])]
        if nz:
            p = nz[0]
            inv = field.inverse(r[p])
            r = [field.mul(inv, x) for x in r]
            pivots.append(p)
            reduced.append(r)
    return len(pivots)


def orbital_count(n, generators):
    parent = list(range(n * n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g in generators:
        for x in range(n):
            for y in range(n):
                a, b = find(x * n + y), find(g[x] * n + g[y])
                if a != b:
                    parent[a] = b
    return sum(1 for i in range(n * n) if find(i) == i)


def certify(doc):
    failures = []
    n = doc["n"]
    gens = doc["generators"]
    orbit_of, pos = [-1] * n, [-1] * n
    for o, pts in enumerate(doc["orbits"]):
        for i, p in enumerate(pts):
            orbit_of[p], pos[p] = o, i
    if -1 in orbit_of:
        failures.append("the orbits do not cover the points")
    for c, cls in enumerate(doc["classes"]):
        K = Field(cls["field"])
        delta = DELTA[cls["type"]]
        rho = [[[K.element(x) for x in row] for row in m] for m in cls["generators"]]
        lam = [K.element(x) for x in cls["squared_norms"]]
        w = len(lam)
        struct = [[[K.element(x) for x in row] for row in m] for m in cls["structure"]]
        copies = [(cp["orbit"], [[K.element(x) for x in row] for row in cp["values"]]) for cp in cls["copies"]]
        # 1: Gram per orbit
        by_orbit = {}
        for k, (o, _) in enumerate(copies):
            by_orbit.setdefault(o, []).append(k)
        for o, members in by_orbit.items():
            cols = [(k, a) for k in members for a in range(w)]
            for i, (k, a) in enumerate(cols):
                for j, (l, b) in enumerate(cols):
                    if j < i:
                        continue
                    s = K.zero()
                    for q in range(len(doc["orbits"][o])):
                        s = K.add(s, K.mul(copies[k][1][q][a], copies[l][1][q][b]))
                    if (i == j) == K.is_zero(s):
                        failures.append(f"class {c}: B^T B not diagonal/nonzero on orbit {o}")
        # 2: P_s B = B M_s
        for o, values in copies:
            for s, g in enumerate(gens):
                for q, p in enumerate(doc["orbits"][o]):
                    target = values[pos[g[p]]]
                    for a in range(w):
                        t = K.zero()
                        for b in range(w):
                            t = K.add(t, K.mul(target[b], rho[s][b][a]))
                        if t != values[q][a]:
                            failures.append(f"class {c}: P_s B != B M_s (generator {s}, orbit {o})")
        # 3: commutant dimension and structure maps
        rows = []
        for m in rho:
            for i in range(w):
                for j in range(w):
                    row = [K.zero()] * (w * w)
                    for x in range(w):
                        row[i * w + x] = K.add(row[i * w + x], m[x][j])
                        row[x * w + j] = K.add(row[x * w + j], K.neg(m[i][x]))
                    rows.append(row)
        if w * w - rank(K, rows, w * w) != delta:
            failures.append(f"class {c}: commutant dimension is not {delta}")

        def matmul(a, b):
            return [[_dot(K, a[i], [b[k][j] for k in range(w)]) for j in range(w)] for i in range(w)]

        for t in struct:
            for m in rho:
                if matmul(t, m) != matmul(m, t):
                    failures.append(f"class {c}: a structure map does not commute")
            for a in range(w):
                for b in range(w):
                    if K.mul(lam[a], t[a][b]) != K.neg(K.mul(lam[b], t[b][a])):
                        failures.append(f"class {c}: a structure map is not Lambda-skew")
            sq = matmul(t, t)
            if K.is_zero(sq[0][0]) or any(
                sq[a][b] != (sq[0][0] if a == b else K.zero()) for a in range(w) for b in range(w)
            ):
                failures.append(f"class {c}: a structure map's square is not a nonzero scalar")
        if len(struct) != delta - 1:
            failures.append(f"class {c}: {len(struct)} structure maps for type {cls['type']}")
        if delta == 4 and len(struct) == 3:
            ij, ji = matmul(struct[0], struct[1]), matmul(struct[1], struct[0])
            if ij != struct[2] or any(ij[a][b] != K.neg(ji[a][b]) for a in range(w) for b in range(w)):
                failures.append(f"class {c}: I'J' != -J'I' or K' != I'J'")
    # the counts use the copies present, never the multiplicities the file claims
    classes = doc["classes"]
    present = [len(cls["copies"]) for cls in classes]
    weight = [len(cls["squared_norms"]) for cls in classes]
    used = []
    for b in doc["blocks"]:
        c = b["class"]
        if not 0 <= c < len(classes) or not 0 <= b["embedding"] < len(classes[c]["embeddings"]):
            failures.append(f"block {b['label']}: no class {c} with embedding {b['embedding']}")
            continue
        if b["multiplicity"] != present[c] or b["weight"] != weight[c] or b["type"] != classes[c]["type"]:
            failures.append(f"block {b['label']}: claims {b['multiplicity']} copies of weight {b['weight']}, "
                            f"class {c} has {present[c]} of weight {weight[c]}")
        used.append((c, b["embedding"]))
    every = [(c, e) for c, cls in enumerate(classes) for e in range(len(cls["embeddings"]))]
    if sorted(used) != every:
        failures.append("the blocks do not list every embedding of every class exactly once")
    dim = sum(weight[c] * present[c] for c, _ in every)
    comm = sum(DELTA[classes[c]["type"]] * present[c] ** 2 for c, _ in every)
    failures += distinct_blocks(doc, every)
    orbitals = orbital_count(n, gens)
    if dim != n:
        failures.append(f"sum w*mu = {dim}, not n = {n}")
    if comm != orbitals:
        failures.append(f"sum delta*mu^2 = {comm}, but G has {orbitals} orbitals")
    return sorted(set(failures)), orbitals


LARGEST_ENUMERATED_GROUP = 5000


def distinct_blocks(doc, blocks):
    """Two blocks with equal characters are isomorphic, so their columns would span one isotypic component twice
    (a repeated class can hide an emptied one from every count). The characters are compared in floating point
    at each class's real embedding (the midpoint of its isolating interval) on every group element, enumerated
    from the permutations (on words of length at most 4 past LARGEST_ENUMERATED_GROUP elements); equal within
    1e-6 is a failure, so a file with a repeated class never passes."""
    gens = [tuple(g) for g in doc["generators"]]
    identity = tuple(range(doc["n"]))
    words = {identity: ()}
    frontier = [identity]
    while frontier and len(words) <= LARGEST_ENUMERATED_GROUP:
        nxt = []
        for x in frontier:
            for s, g in enumerate(gens):
                y = tuple(g[p] for p in x)
                if y not in words:
                    words[y] = words[x] + (s,)
                    nxt.append(y)
        frontier = nxt
        if len(words) > LARGEST_ENUMERATED_GROUP:
            words = {k: w for k, w in words.items() if len(w) <= 4}
            break

    def real_models(cls, e):
        lo, hi = (float(Fraction(v)) for v in cls["embeddings"][e])
        root = (lo + hi) / 2

        def value(text):
            return sum(float(Fraction(c)) * root ** k for k, c in enumerate(text))
        return [[[value(x) for x in row] for row in m] for m in cls["generators"]]

    def trace_table(models):
        w = len(models[0]) if models else 0
        table = []
        for word in words.values():
            m = [[float(i == j) for j in range(w)] for i in range(w)]
            for s in word:   # ρ(g_s ∘ x) = ρ(g_s) ρ(x)
                m = [[sum(models[s][i][k] * m[k][j] for k in range(w)) for j in range(w)] for i in range(w)]
            table.append(sum(m[i][i] for i in range(w)))
        return table

    classes = doc["classes"]
    tables = {}
    for c, e in blocks:
        if classes[c]["generators"]:
            tables[(c, e)] = (len(classes[c]["squared_norms"]), trace_table(real_models(classes[c], e)))
    failures = []
    keys = sorted(tables)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            (wa, ta), (wb, tb) = tables[a], tables[b]
            if wa == wb and max(abs(x - y) for x, y in zip(ta, tb)) < 1e-6 * max(1.0, max(map(abs, ta))):
                failures.append(f"classes {a[0]} and {b[0]} (embeddings {a[1]}, {b[1]}) have equal characters: "
                                "one isotypic component listed twice")
    return failures


def _dot(K, a, b):
    s = K.zero()
    for x, y in zip(a, b):
        s = K.add(s, K.mul(x, y))
    return s


def main():
    with open(sys.argv[1]) as fh:
        doc = json.load(fh)
    failures, orbitals = certify(doc)
    if failures:
        print("certificate FAILS:")
        for f in failures[:20]:
            print("  " + f)
        sys.exit(1)
    print(f"certificate holds: n = {doc['n']}, {len(doc['blocks'])} blocks, {orbitals} orbitals")


if __name__ == "__main__":
    main()
