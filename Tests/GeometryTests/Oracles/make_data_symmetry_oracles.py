#!/usr/bin/env python3
"""Oracle values for eqgeom's data symmetries (MATH.md §10.1), computed independently with sympy: for each
covariance H, dim{L : LH + HL^T = 0} and dim{L skew : LH = HL} as nullspaces of explicitly vectorised systems
(sympy's Kronecker products), and the eigenvalue multiplicities from sympy's factor_list of det(xI - H); for
regressions (X, Y), the three Lie algebras of the L-conv paper's (13)-(14). Writes data_symmetries.json.
Usage: python3 Tests/GeometryTests/Oracles/make_data_symmetry_oracles.py"""
import json
import os
import random
from sympy import Matrix, eye, factor_list, symbols, zeros

x = symbols("x")
rng = random.Random(2026)


def vec_t(d):
    """The permutation matrix K with vec(L^T) = K vec(L), row-major vec."""
    k = zeros(d * d, d * d)
    for i in range(d):
        for j in range(d):
            k[j * d + i, i * d + j] = 1
    return k


def kron(a, b):
    entry = lambda r, c: a[r // b.rows, c // b.cols] * b[r % b.rows, c % b.cols]
    return Matrix(a.rows * b.rows, a.cols * b.cols, entry)


def nullity(m):
    return m.cols - m.rank()


def covariance_case(h):
    d = h.rows
    i = eye(d)
    # vec(LH) = (I ⊗ H^T) vec L; vec(H L^T) = (H ⊗ I) vec(L^T) = (H ⊗ I) K vec L
    cor1 = kron(i, h.T) + kron(h, i) * vec_t(d)
    rotations = Matrix.vstack(eye(d * d) + vec_t(d), kron(i, h.T) - kron(h, i))
    factors = factor_list(h.charpoly(x).as_expr(), x)[1]
    return {"h": [[str(v) for v in h.row(r)] for r in range(d)], "cor1_dimension": nullity(cor1),
            "orthogonal_dimension": nullity(rotations),
            "multiplicities": sorted([[int(f.as_poly(x).degree()), int(e)] for f, e in factors])}


def regression_case(xm, ym):
    d, c = xm.rows, ym.rows
    h = xm * xm.T
    a = ym * xm.T * h.inv()
    cov = kron(eye(d), h.T) + kron(h, eye(d)) * vec_t(d)
    # unknowns [vec L (d*d), vec Lc (c*c)]: Lc A - A L = 0 → (I_c ⊗ A^T) vec Lc - (A ⊗ I_d) vec L
    la = -kron(a, eye(d))
    lca = kron(eye(c), a.T)
    invariant = Matrix.vstack(cov, kron(a, eye(d)))
    equivariant = Matrix.vstack(Matrix.hstack(cov, zeros(d * d, c * c)), Matrix.hstack(la, lca))
    fitted = Matrix.vstack(Matrix.hstack(eye(d * d) + vec_t(d), zeros(d * d, c * c)),
                           Matrix.hstack(zeros(c * c, d * d), eye(c * c) + vec_t(c)), Matrix.hstack(la, lca))
    text = lambda m: [[str(v) for v in m.row(r)] for r in range(m.rows)]
    return {"x": text(xm), "y": text(ym), "invariant_outputs": nullity(invariant),
            "equivariant_outputs": nullity(equivariant), "fitted_map": nullity(fitted)}


def random_int(rows, cols, lo=-3, hi=3):
    return Matrix(rows, cols, lambda r, c: rng.randint(lo, hi))


def cayley(d):
    """A rational orthogonal matrix (I - S)(I + S)^{-1} from a random skew S."""
    s = random_int(d, d)
    s = s - s.T
    return (eye(d) - s) * (eye(d) + s).inv()


covariances = []
for d in (2, 3, 4):
    b = random_int(d, d + 2)
    covariances.append(b * b.T)
for d, r in ((4, 2), (5, 3), (6, 3)):
    b = random_int(d, r)
    covariances.append(b * b.T)
q = cayley(6)
covariances.append(q * Matrix.diag(1, 1, 2, 2, 2, 5) * q.T)
q = cayley(4)
block = Matrix([[2, 1], [1, 3]])
covariances.append(q * Matrix.diag(block, block) * q.T)
regressions = [(random_int(5, 9), random_int(2, 9)), (random_int(4, 7), random_int(1, 7)),
               (random_int(3, 6), random_int(3, 6))]
out = {"covariances": [covariance_case(h) for h in covariances],
       "regressions": [regression_case(xm, ym) for xm, ym in regressions]}
for c in out["covariances"]:
    print(len(c["h"]), c["cor1_dimension"], c["orthogonal_dimension"], c["multiplicities"])
for c in out["regressions"]:
    print(c["invariant_outputs"], c["equivariant_outputs"], c["fitted_map"])
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data_symmetries.json")
json.dump(out, open(path, "w"), indent=1)
