#!/usr/bin/env python3
"""Oracle dimensions of invariant polynomials by Molien's formula, computed with sympy independently of eqgeom:
for a finite matrix group G (enumerated by closing its generators under products),
sum_k dim(invariants of degree k) t^k = (1/|G|) sum_g 1/det(I - t g). Writes invariants.json next to this script.
Usage: python3 Tests/GeometryTests/Oracles/make_invariant_oracles.py"""
import json
import os
from sympy import Matrix, Rational, eye, series, symbols, simplify

t = symbols("t")


def elements(gens):
    d = gens[0].shape[0]
    seen = [eye(d)]
    queue = [eye(d)]
    while queue:
        g = queue.pop()
        for s in gens:
            h = s * g
            if h not in seen:
                seen.append(h)
                queue.append(h)
    return seen


def molien(gens, top):
    group = elements(gens)
    d = gens[0].shape[0]
    total = sum(1 / (eye(d) - t * g).det() for g in group) / len(group)
    expansion = series(simplify(total), t, 0, top + 1).removeO()
    return [int(expansion.coeff(t, k)) if k else int(expansion.subs(t, 0)) for k in range(top + 1)]


def text(m):
    return [[str(x) for x in m.row(r)] for r in range(m.rows)]


cases = [
    ("rotation by 90 degrees on R^2", [Matrix([[0, -1], [1, 0]])]),
    ("D4 on R^2", [Matrix([[0, -1], [1, 0]]), Matrix([[1, 0], [0, -1]])]),
    ("S3 permuting R^3", [Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]]), Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]])]),
    ("sign flips and swap on R^3 (the hyperoctahedral group B3)",
     [Matrix([[-1, 0, 0], [0, 1, 0], [0, 0, 1]]), Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]]),
      Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]])]),
    ("order-3 rotation [[0,-1],[1,-1]]", [Matrix([[0, -1], [1, -1]])]),
]
out = []
for name, gens in cases:
    dims = molien(gens, 6)
    out.append({"name": name, "group": [text(g) for g in gens], "dimensions": dims})
    print(name, dims)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "invariants.json")
json.dump(out, open(path, "w"), indent=1)
