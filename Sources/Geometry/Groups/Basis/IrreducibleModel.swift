import Algebra

/// An exact model of a real irreducible representation ρ of type D over a number field K (MATH.md §8.5
/// step 1): matrices ρ(s) for the generators in a D-adapted basis u_1, …, u_w of one copy of ρ inside a
/// permutation module ℝ[O], orthogonal for Λ = diag(|u_a|²): ρ(s)ᵀΛρ(s) = Λ.
///
/// D-adapted: the basis is (u, I′u, J′u, K′u, u₂, …) for skew elements I′, J′, K′ = I′J′ of End_G(ρ), so that
/// End_G(ρ) is spanned by 1 and the `structure` matrices (δ − 1 of them), each Λ-skew with a negative
/// scalar square. No square roots: Q = B·Δ^{−1/2} normalises later, in floating point.
public struct IrreducibleModel: Sendable {
    /// D = End_G(ρ).
    public let type: DivisionAlgebra
    /// The number field the model's entries live in.
    public let field: NumberField
    /// ρ(s) for each generator s, w×w rows: ρ(s)_{ab} = ⟨u_a, P_s u_b⟩/Λ_a.
    public let generators: [[[NumberFieldElement]]]
    /// Λ_a = |u_a|².
    public let squaredNorms: [NumberFieldElement]
    /// The matrices of I′ (and J′, K′ = I′J′ for type H) in the model basis.
    public let structure: [[[NumberFieldElement]]]

    /// w = dim_ℝ ρ, the model's size.
    public var weight: Int { squaredNorms.count }

    init(
        type: DivisionAlgebra, field: NumberField, generators: [[[NumberFieldElement]]],
        squaredNorms: [NumberFieldElement], structure: [[[NumberFieldElement]]]
    ) {
        self.type = type
        self.field = field
        self.generators = generators
        self.squaredNorms = squaredNorms
        self.structure = structure
    }

    /// The model from one copy of ρ: e_ρ applied to the representative orbit `orbit` of the algebra, where
    /// ρ has D-multiplicity 1.
    /// - Parameters:
    ///   - local: the local indices (in `algebra.points`) of the orbit's points.
    ///   - generators: the generators' images on the group's points (0-based).
    init(
        idempotent e: [NumberFieldElement], field k: NumberField, type: DivisionAlgebra, weight w: Int,
        algebra: OrbitalAlgebra, local: [Int], generators: [[Int32]]
    ) throws {
        let m = algebra.points.count
        let size = local.count
        let zero = NumberFieldElement(0, in: k)
        // E = e_ρ restricted to the orbit, applied to vectors on the orbit
        let entries: [[NumberFieldElement]] = local.map { x in
            local.map { y in e[Int(algebra.orbitalOfPair[x * m + y])] }
        }
        func project(_ u: [NumberFieldElement]) -> [NumberFieldElement] {
            NumberFieldLinearAlgebra.apply(entries, u, in: k)
        }
        // S_k u = E (A_k − A_kᵀ) u, the skew elements of e_ρ End_G(ℝ[O]) e_ρ
        func skew(_ orbital: Int, _ u: [NumberFieldElement]) -> [NumberFieldElement] {
            let t = algebra.transpose[orbital]
            var v = [NumberFieldElement](repeating: zero, count: size)
            for i in 0..<size {
                for j in 0..<size where !u[j].isZero {
                    let o = Int(algebra.orbitalOfPair[local[i] * m + local[j]])
                    if o == orbital { v[i] += u[j] }
                    if o == t { v[i] -= u[j] }
                }
            }
            return project(v)
        }
        let columns = (0..<size).map { j in entries.map { $0[j] } }
        guard let u0 = columns.first(where: { v in v.contains { !$0.isZero } }) else {
            throw GeometryError.tooLarge("an isotypic idempotent vanished on its model orbit (please report)")
        }
        var operators: [([NumberFieldElement]) -> [NumberFieldElement]] = []
        if type != .real {
            guard let i = (0..<algebra.dimension).first(where: { skew($0, u0).contains { !$0.isZero } }) else {
                throw GeometryError.tooLarge(
                    "no complex structure found for a \(type.rawValue)\(w) model (please report)")
            }
            let opI: ([NumberFieldElement]) -> [NumberFieldElement] = { skew(i, $0) }
            operators.append(opI)
            if type == .quaternionic {
                // I′² = −c: J′ = S + I′ S I′ / c is the part of a skew S anticommuting with I′
                let u0i = opI(opI(u0))
                let c = -NumberFieldLinearAlgebra.dot(u0, u0i, in: k) / NumberFieldLinearAlgebra.dot(u0, u0, in: k)
                func anticommuting(_ o: Int, _ u: [NumberFieldElement]) -> [NumberFieldElement] {
                    let a = skew(o, u)
                    let b = opI(skew(o, opI(u)))
                    return zip(a, b).map { $0 + $1 / c }
                }
                guard let j = (0..<algebra.dimension).first(where: { anticommuting($0, u0).contains { !$0.isZero } })
                else {
                    throw GeometryError.tooLarge("no quaternionic structure found for an H\(w) model (please report)")
                }
                let opJ: ([NumberFieldElement]) -> [NumberFieldElement] = { anticommuting(j, $0) }
                operators.append(opJ)
                operators.append({ opI(opJ($0)) })
            }
        }
        // D-adapted orthogonal basis (u, I′u, J′u, K′u, …) by Gram–Schmidt without square roots
        var basis: [[NumberFieldElement]] = []
        var norms: [NumberFieldElement] = []
        for column in columns where basis.count < w {
            var v = column
            for (b, nb) in zip(basis, norms) {
                let c = NumberFieldLinearAlgebra.dot(v, b, in: k)
                if !c.isZero {
                    let f = c / nb
                    v = zip(v, b).map { $0 - f * $1 }
                }
            }
            guard v.contains(where: { !$0.isZero }) else { continue }
            for vector in [v] + operators.map({ $0(v) }) {
                basis.append(vector)
                norms.append(NumberFieldLinearAlgebra.dot(vector, vector, in: k))
            }
        }
        guard basis.count == w else {
            throw GeometryError.tooLarge(
                "a \(type.rawValue)\(w) model came out with \(basis.count) vectors (please report)")
        }
        var position = [Int: Int]()
        for (i, x) in local.enumerated() { position[algebra.points[x]] = i }
        func matrix(_ map: ([NumberFieldElement]) -> [NumberFieldElement]) -> [[NumberFieldElement]] {
            let images = basis.map(map)
            return (0..<w).map { a in
                (0..<w).map { b in NumberFieldLinearAlgebra.dot(basis[a], images[b], in: k) / norms[a] }
            }
        }
        self.generators = generators.map { g in
            matrix { u in
                var v = [NumberFieldElement](repeating: zero, count: size)
                for (i, x) in local.enumerated() { v[position[Int(g[algebra.points[x]])] ?? 0] = u[i] }
                return v
            }
        }
        structure = operators.map { matrix($0) }
        self.type = type
        field = k
        squaredNorms = norms
    }
}
