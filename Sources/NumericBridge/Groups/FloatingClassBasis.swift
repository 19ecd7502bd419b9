import Foundation
import Algebra
import Geometry

/// The floating basis of a Galois class without an exact model (no orbit or auxiliary G/⟨g⟩ carries it
/// once): one real irreducible (one embedding) at a time, from its exact idempotent e_ρ on an orbit O
/// where it occurs μ_O ≥ 2 times. The eigenvectors of Uᵀ S U for a random symmetric equivariant S (U an
/// orthonormal basis of e_ρ ℝ[O]) come in clusters of w, one copy of ρ per cluster; the top cluster is the
/// model space, D-adapted through skew elements of End_G as in the exact construction, and Frobenius
/// reciprocity (nullspaces from the Gram matrix of the Schreier conditions) gives the copies on every
/// orbit. Its accuracy is measured (orthogonality, block form), not certified.
struct FloatingClassBasis {
    /// ρ̂(s), w×w row-major, orthogonal.
    let model: [[Double]]
    /// L_e on the first D-slot (δ×δ), e = 1, I, J, K.
    let structure: [[Double]]
    /// Per copy: its orbit and values (|O| × w, row-major, in `AdaptedBasis.orbits` point order), unit columns.
    let copies: [(orbit: Int, values: [Double])]

    init(_ c: AdaptedBasis.UnmodelledClass, embedding: RealEmbedding, basis: AdaptedBasis) throws {
        let m = c.orbitPoints.count
        let (w, delta) = (c.weight, c.type.dimension)
        let e = c.idempotent.flatMap { $0.map { GroupNumericBasis.value($0, embedding).value } }
        // U: the eigenvectors of (E + Eᵀ)/2 with eigenvalue ≈ 1
        let symmetric = (0..<(m * m)).map { (e[$0] + e[($0 % m) * m + $0 / m]) / 2 }
        let eig = try Eigen.symmetric(symmetric, m)
        let rank = eig.values.filter { $0 > 0.5 }.count
        let u = (0..<m).flatMap { i in (0..<rank).map { eig.vectors[i * m + $0] } }  // m×rank
        func orbitalMatrix(_ k: Int, skew: Bool) -> [Double] {
            (0..<(m * m)).map { p in
                let o = c.orbitalOfPair[p]
                return (o == k ? 1 : 0) + (skew ? -1 : 1) * (o == c.orbitalTranspose[k] ? 1 : 0)
            }
        }
        func compress(_ a: [Double], _ v: [Double], _ cols: Int) -> [Double] {
            BLAS.multiply(v, BLAS.multiply(a, v, m: m, n: cols, k: m), m: cols, n: cols, k: m, transposeA: true)
        }
        let orbitals = (c.orbitalOfPair.max() ?? 0) + 1
        var rng = SplitMix(0xF10A7)
        var space: [Double] = []
        for _ in 0..<8 {
            var s = [Double](repeating: 0, count: m * m)
            for k in 0..<orbitals {
                let weight = rng.normal()
                for (p, x) in orbitalMatrix(k, skew: false).enumerated() where x != 0 { s[p] += weight * x }
            }
            let inner = try Eigen.symmetric(compress(s, u, rank), rank)
            let values = inner.values
            let spread = (values.first ?? 0) - (values.last ?? 0)
            guard rank > w, values[w - 1] - values[w] > 1e-6 * max(spread, 1e-300),
                values[0] - values[w - 1] < 1e-9 * max(spread, 1e-300)
            else { continue }
            let y = (0..<rank).flatMap { i in (0..<w).map { inner.vectors[i * rank + $0] } }
            space = BLAS.multiply(u, y, m: m, n: w, k: rank)  // m×w, orthonormal
            break
        }
        guard !space.isEmpty else {
            throw NumericError.invalidInput("could not split a floating \(c.type.rawValue)\(w) block into copies")
        }
        // skew structure maps in the copy's coordinates, normalised to T² = −1
        var maps: [[Double]] = []
        if delta > 1 {
            let candidates = (0..<orbitals).map { compress(orbitalMatrix($0, skew: true), space, w) }
            func norm(_ t: [Double]) -> Double { t.reduce(0) { $0 + $1 * $1 }.squareRoot() }
            guard let first = candidates.max(by: { norm($0) < norm($1) }), norm(first) > 1e-8 else {
                throw NumericError.invalidInput("no complex structure for a floating block")
            }
            let i = first.map { $0 / (norm(first) / Double(w).squareRoot()) }
            maps.append(i)
            if delta == 4 {
                let parts = candidates.map { s -> [Double] in
                    let isi = BLAS.multiply(i, BLAS.multiply(s, i, m: w, n: w, k: w), m: w, n: w, k: w)
                    return zip(s, isi).map { $0 + $1 }
                }
                guard let j0 = parts.max(by: { norm($0) < norm($1) }), norm(j0) > 1e-8 else {
                    throw NumericError.invalidInput("no quaternionic structure for a floating block")
                }
                let j = j0.map { $0 / (norm(j0) / Double(w).squareRoot()) }
                maps += [j, BLAS.multiply(i, j, m: w, n: w, k: w)]
            }
        }
        // D-adapted orthonormal basis of the copy (columns of `adapted`, w×w)
        var columns: [[Double]] = []
        for start in 0..<w where columns.count < w {
            var v = (0..<w).map { $0 == start ? 1.0 : 0.0 }
            for b in columns {
                let d = zip(v, b).reduce(0) { $0 + $1.0 * $1.1 }
                v = zip(v, b).map { $0 - d * $1 }
            }
            let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard length > 1e-6 else { continue }
            v = v.map { $0 / length }
            columns.append(v)
            for t in maps { columns.append((0..<w).map { a in (0..<w).reduce(0) { $0 + t[a * w + $1] * v[$1] } }) }
        }
        let adapted = (0..<w).flatMap { a in columns.map { $0[a] } }  // w×w, columns = basis
        let copyBasis = BLAS.multiply(space, adapted, m: m, n: w, k: w)  // m×w
        var position = [Int: Int]()
        for (i, p) in c.orbitPoints.enumerated() { position[p] = i }
        model = basis.generators.map { g in
            var moved = [Double](repeating: 0, count: m * w)
            for (i, p) in c.orbitPoints.enumerated() {
                let target = position[Int(g[p])] ?? 0
                for a in 0..<w { moved[target * w + a] = copyBasis[i * w + a] }
            }
            return BLAS.multiply(copyBasis, moved, m: w, n: w, k: m, transposeA: true)
        }
        let adaptedMaps = maps.map { t in
            BLAS.multiply(adapted, BLAS.multiply(t, adapted, m: w, n: w, k: w), m: w, n: w, k: w, transposeA: true)
        }
        let identity: [Double] = (0..<(delta * delta)).map { $0 % (delta + 1) == 0 ? 1 : 0 }
        var structure = [identity]
        for t in adaptedMaps {
            let slot: [Double] = (0..<(delta * delta)).map { k in t[(k / delta) * w + k % delta] }
            structure.append(slot)
        }
        self.structure = structure
        copies = try Self.frobenius(model: model, maps: adaptedMaps, weight: w, delta: delta, c: c, basis: basis)
    }

    /// The copies on every orbit: fixed vectors of the stabiliser (the δμ smallest eigenvectors of the Gram
    /// matrix of the Schreier conditions), D-orthonormalised, propagated along the Schreier tree.
    static func frobenius(
        model: [[Double]], maps: [[Double]], weight w: Int, delta: Int, c: AdaptedBasis.UnmodelledClass,
        basis: AdaptedBasis
    ) throws -> [(orbit: Int, values: [Double])] {
        var result: [(orbit: Int, values: [Double])] = []
        for (o, orbit) in basis.orbits.enumerated() where c.copiesPerOrbit[o] > 0 {
            let tree = SchreierTree(orbit: orbit.points, generators: basis.generators)
            var transport = [(0..<(w * w)).map { $0 % (w + 1) == 0 ? 1.0 : 0.0 }]
            for i in 1..<max(tree.points.count, 1) {
                transport.append(BLAS.multiply(model[tree.generator[i]], transport[tree.parent[i]], m: w, n: w, k: w))
            }
            var gram = [Double](repeating: 0, count: w * w)
            for (i, q) in tree.points.enumerated() {
                for (s, g) in basis.generators.enumerated() {
                    guard let j = tree.position[Int(g[q])], !(tree.parent[j] == i && tree.generator[j] == s) else {
                        continue
                    }
                    let r = zip(BLAS.multiply(model[s], transport[i], m: w, n: w, k: w), transport[j]).map { $0 - $1 }
                    let rr = BLAS.multiply(r, r, m: w, n: w, k: w, transposeA: true)
                    for k in 0..<(w * w) { gram[k] += rr[k] }
                }
            }
            let eig = try Eigen.symmetric(gram, w)
            let count = c.copiesPerOrbit[o]
            let fixed = (0..<(delta * count)).map { k in (0..<w).map { eig.vectors[$0 * w + (w - 1 - k)] } }
            var span: [[Double]] = []
            var vectors: [[Double]] = []
            for candidate in fixed where vectors.count < count {
                var v = candidate
                for b in span {
                    let d = zip(v, b).reduce(0) { $0 + $1.0 * $1.1 }
                    v = zip(v, b).map { $0 - d * $1 }
                }
                let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard length > 1e-6 else { continue }
                v = v.map { $0 / length }
                vectors.append(v)
                span.append(v)
                for t in maps { span.append((0..<w).map { a in (0..<w).reduce(0) { $0 + t[a * w + $1] * v[$1] } }) }
            }
            guard vectors.count == count else {
                throw NumericError.invalidInput(
                    "a floating block found \(vectors.count) of \(count) copies on orbit \(o)")
            }
            let scale = (Double(w) / Double(tree.points.count)).squareRoot()
            for v in vectors {
                var values = [Double](repeating: 0, count: tree.points.count * w)
                for (i, t) in transport.enumerated() {
                    for a in 0..<w { values[i * w + a] = scale * (0..<w).reduce(0) { $0 + t[a * w + $1] * v[$1] } }
                }
                result.append((o, values))
            }
        }
        return result
    }
}
