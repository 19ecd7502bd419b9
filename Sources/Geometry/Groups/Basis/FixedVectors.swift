import Algebra

/// The fixed vectors of a point stabiliser in a model (MATH.md §8.5 step 2): for the orbit O ∋ p with
/// Schreier tree g_q, v ∈ ρ^{G_p} iff ρ(s)ρ(g_q)v = ρ(g_{s·q})v for every point q and generator s (the
/// Schreier generators g_{sq}⁻¹ s g_q span G_p). The solution space has D-dimension μ_O; a D-orthogonal
/// basis for Λ (orthogonal to the D-span {v, I′v, J′v, K′v} of the earlier vectors) gives the copies.
enum FixedVectors {
    static func copies(_ model: IrreducibleModel, tree: SchreierTree, generators: [[Int32]], count: Int) throws
        -> [[NumberFieldElement]]
    {
        let k = model.field
        let w = model.weight
        let delta = model.type.dimension
        var transport = [NumberFieldLinearAlgebra.identity(w, in: k)]
        for i in 1..<max(tree.points.count, 1) {
            transport.append(
                NumberFieldLinearAlgebra.multiply(model.generators[tree.generator[i]], transport[tree.parent[i]], in: k)
            )
        }
        var echelon = NumberFieldRowEchelon(unknowns: w, field: k)
        let target = w - delta * count
        search: for (i, q) in tree.points.enumerated() {
            for (s, g) in generators.enumerated() {
                guard let j = tree.position[Int(g[q])] else { continue }
                if tree.parent[j] == i && tree.generator[j] == s { continue }  // a tree edge holds by construction
                let moved = NumberFieldLinearAlgebra.multiply(model.generators[s], transport[i], in: k)
                for row in 0..<w {
                    echelon.add(zip(moved[row], transport[j][row]).map { $0 - $1 })
                    if echelon.rank == target { break search }
                }
            }
        }
        // D-orthogonal basis for ⟨x, y⟩_Λ = Σ Λ_a x_a y_a
        func inner(_ x: [NumberFieldElement], _ y: [NumberFieldElement]) -> NumberFieldElement {
            var sum = NumberFieldElement(0, in: k)
            for a in 0..<w where !x[a].isZero && !y[a].isZero { sum += model.squaredNorms[a] * x[a] * y[a] }
            return sum
        }
        var accepted: [[NumberFieldElement]] = []
        var span: [([NumberFieldElement], NumberFieldElement)] = []
        for candidate in echelon.nullspace where accepted.count < count {
            var v = candidate
            for (y, norm) in span {
                let c = inner(v, y)
                if !c.isZero {
                    let f = c / norm
                    v = zip(v, y).map { $0 - f * $1 }
                }
            }
            guard v.contains(where: { !$0.isZero }) else { continue }
            accepted.append(v)
            for y in [v] + model.structure.map({ NumberFieldLinearAlgebra.apply($0, v, in: k) }) {
                span.append((y, inner(y, y)))
            }
        }
        guard accepted.count == count else {
            throw GeometryError.tooLarge(
                "an orbit carries \(accepted.count) copies of a \(model.type.rawValue)\(w) block, expected \(count) "
                    + "(please report)")
        }
        return accepted
    }
}
