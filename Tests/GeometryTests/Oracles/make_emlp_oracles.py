#!/usr/bin/env python3
"""Oracle values for eqgeom's exact equivariance constraints (MATH.md §9.1), computed independently
with sympy: the representations are built here with sympy's Kronecker products, the constraint
C = [rho_out(h) (x) rho_in(h)^{-T} - I ; drho_out(A) (x) I - I (x) drho_in(A)^T] (EMLP's form, with the
inverse) is stacked densely and its nullspace reduced to RREF. Writes emlp.json next to this script.
Usage: python3 Tests/GeometryTests/Oracles/make_emlp_oracles.py"""
import json
import os
from sympy import Matrix, Rational, eye, zeros
from sympy.physics.quantum import TensorProduct


def kron(a, b):
    return TensorProduct(a, b)


def power(gens, lie, k):
    """(group generators, Lie generators) of the k-th tensor power."""
    d = gens[0].shape[0] if gens else lie[0].shape[0]
    g_out = [eye(1) for _ in gens]
    l_out = [zeros(1, 1) for _ in lie]
    for _ in range(k):
        n = g_out[0].shape[0] if g_out else l_out[0].shape[0]
        l_out = [kron(a, eye(d)) + kron(eye(n), b) for a, b in zip(l_out, lie)]
        g_out = [kron(a, b) for a, b in zip(g_out, gens)]
    return g_out, l_out


def solve(g_in, l_in, g_out, l_out):
    d_in = (g_in or l_in)[0].shape[0]
    d_out = (g_out or l_out)[0].shape[0]
    u = d_in * d_out
    blocks = [kron(h, hi.inv().T) - eye(u) for h, hi in zip(g_out, g_in)]
    blocks += [kron(a, eye(d_in)) - kron(eye(d_out), b.T) for a, b in zip(l_out, l_in)]
    c = Matrix.vstack(*blocks)
    null = c.nullspace()
    if not null:
        return 0, []
    basis = Matrix.hstack(*null).T.rref()[0]
    return basis.rows, [[str(x) for x in basis.row(r)] for r in range(basis.rows)]


def text(m):
    return [[str(x) for x in m.row(r)] for r in range(m.rows)]


def perm_matrix(images):
    n = len(images)
    p = zeros(n, n)
    for j, i in enumerate(images):
        p[i, j] = 1
    return p


rot3 = [6, 3, 0, 7, 4, 1, 8, 5, 2]
mir3 = [2, 1, 0, 5, 4, 3, 8, 7, 6]
Lx = Matrix([[0, 0, 0], [0, 0, -1], [0, 1, 0]])
Ly = Matrix([[0, 0, 1], [0, 0, 0], [-1, 0, 0]])
Lz = Matrix([[0, -1, 0], [1, 0, 0], [0, 0, 0]])
cases = [
    ("rotation by 90 degrees on R^2, T1 -> T1", [Matrix([[0, -1], [1, 0]])], [], 1, 1),
    ("rotation by 90 degrees on R^2, T1 -> T2", [Matrix([[0, -1], [1, 0]])], [], 1, 2),
    ("C4 on 3x3 pixels, T1 -> T1", [perm_matrix(rot3)], [], 1, 1),
    ("D4 on 3x3 pixels, T1 -> T1", [perm_matrix(rot3), perm_matrix(mir3)], [], 1, 1),
    ("SO(3), T1 -> T1", [], [Lx, Ly, Lz], 1, 1),
    ("SO(3), T1 -> T2", [], [Lx, Ly, Lz], 1, 2),
    ("SO(3), T2 -> T2", [], [Lx, Ly, Lz], 2, 2),
    ("O(3), T1 -> T2", [-eye(3)], [Lx, Ly, Lz], 1, 2),
    ("O(3), T2 -> T2", [-eye(3)], [Lx, Ly, Lz], 2, 2),
    ("upper triangular (non-semisimple), T1 -> T1", [Matrix([[1, 1], [0, 1]]), Matrix([[1, 0], [0, 2]])], [], 1, 1),
    ("hyperbolic [[2,1],[1,1]], T1 -> T1", [Matrix([[2, 1], [1, 1]])], [], 1, 1),
    ("hyperbolic [[2,1],[1,1]], T2 -> T2", [Matrix([[2, 1], [1, 1]])], [], 2, 2),
    ("scaling 1/2 and shear, T1 -> T2", [Matrix([[Rational(1, 2), 0], [0, 2]]), Matrix([[1, 3], [0, 1]])], [], 1, 2),
]
out = []
for name, gens, lie, p, q in cases:
    g_in, l_in = power(gens, lie, p)
    g_out, l_out = power(gens, lie, q)
    dimension, basis = solve(g_in, l_in, g_out, l_out)
    out.append({"name": name, "group": [text(m) for m in gens], "lie": [text(m) for m in lie], "in_power": p,
                "out_power": q, "dimension": dimension, "basis": basis})
    print(name, dimension)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "emlp.json")
json.dump(out, open(path, "w"), indent=1)

# Over Q(sqrt 3): rotations by 60 and 30 degrees. Entries are written p0 + p1*sqrt(3) -> [p0, p1] (strings).
from sympy import sqrt, nsimplify, expand


def split(value):
    value = expand(nsimplify(value))
    p1 = value.coeff(sqrt(3))
    p0 = expand(value - p1 * sqrt(3))
    return [str(p0), str(p1)]


field_cases = [
    ("rotation by 60 degrees, T1 -> T1", Matrix([[Rational(1, 2), -sqrt(3) / 2], [sqrt(3) / 2, Rational(1, 2)]]), 1, 1),
    ("rotation by 60 degrees, T2 -> T2", Matrix([[Rational(1, 2), -sqrt(3) / 2], [sqrt(3) / 2, Rational(1, 2)]]), 2, 2),
    ("rotation by 60 degrees, T1 -> T2", Matrix([[Rational(1, 2), -sqrt(3) / 2], [sqrt(3) / 2, Rational(1, 2)]]), 1, 2),
    ("rotation by 30 degrees, T1 -> T3", Matrix([[sqrt(3) / 2, Rational(-1, 2)], [Rational(1, 2), sqrt(3) / 2]]), 1, 3),
]
field_out = []
for name, h, p, q in field_cases:
    g_in, _ = power([h], [], p)
    g_out, _ = power([h], [], q)
    u = g_in[0].shape[0] * g_out[0].shape[0]
    c = kron(g_out[0], eye(g_in[0].shape[0])) - kron(eye(g_out[0].shape[0]), g_in[0].T)
    null = c.nullspace(simplify=True)
    basis = Matrix.hstack(*null).T.rref(simplify=True)[0] if null else Matrix(0, u, [])
    field_out.append({"name": name, "generator": [[split(x) for x in h.row(r)] for r in range(2)], "in_power": p,
                      "out_power": q, "dimension": basis.rows,
                      "basis": [[split(x) for x in basis.row(r)] for r in range(basis.rows)]})
    print(name, basis.rows)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "emlp_sqrt3.json")
json.dump(field_out, open(path, "w"), indent=1)
