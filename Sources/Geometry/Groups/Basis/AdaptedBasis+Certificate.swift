import Algebra

/// The certificate of a group's exact adapted basis B (MATH.md §8.6), checked in the field of
/// each Galois class (so for all of its real embeddings at once):
/// 1. BᵀB = Δ diagonal with nonzero entries, on every orbit (columns of different orbits have disjoint
///    support; blocks of different classes are orthogonal because their models are non-isomorphic, item 4);
/// 2. P_s B = B·M_s for every generator s;
/// 3. every model is irreducible of its declared type: its commutant has dimension δ over K, and the
///    structure matrices are Λ-skew commuting elements with negative scalar squares, I′J′ = −J′I′, K′ = I′J′
///    (dimension alone would not exclude a sum of two real irreducibles); ρ(s)ᵀΛρ(s) = Λ;
/// 4. Σ w·μ = n and Σ δ·μ² = the number of orbitals of G on [n]², counted combinatorially. Since
///    dim End_G(ℝ^n) = #orbitals and isomorphic blocks would add cross terms, 4 proves the models pairwise
///    non-isomorphic, and with 1–3 that QᵀWQ ∈ ⊕ M_μ(E_ρ) for every equivariant W.
///
/// Blocks without an exact model (`AdaptedBasis.unmodelled`) are listed in `floatingBlocks`; items 1–3 cover the
/// others, item 4 all of them.
extension AdaptedBasis: ExactAdaptedBasis {
    /// Checks every identity of MATH.md §8.6 exactly in each class's field, on every orbit (`everyOrbit` is
    /// the cyclic case's option: here each orbit carries its own copies and is always checked).
    /// - Throws: `MemoryLimitError` past the memory budget.
    public func certify(everyOrbit: Bool = true) throws -> BasisCertificate {
        let basis = self
        var failures: [String] = []
        var checked = 0
        let n = basis.degree
        // the orbits partition the points and are closed under the generators
        var orbitOf = [Int](repeating: -1, count: n)
        var positionOf = [Int](repeating: -1, count: n)
        for (o, orbit) in basis.orbits.enumerated() {
            for (i, p) in orbit.points.enumerated() {
                if orbitOf[p] >= 0 { failures.append("point \(p) lies on two orbits") }
                orbitOf[p] = o
                positionOf[p] = i
            }
        }
        if orbitOf.contains(-1) { failures.append("some points lie on no orbit") }
        for (s, g) in basis.generators.enumerated() {
            for p in 0..<n where orbitOf[Int(g[p])] != orbitOf[p] {
                failures.append("generator \(s) moves point \(p) off its orbit")
                break
            }
        }
        for (c, cls) in basis.classes.enumerated() where failures.isEmpty {
            let (f, count) = Self.check(cls, class: c, basis: basis, positionOf: positionOf)
            failures += f
            checked += count
        }
        let dimension = basis.blocks.reduce(0) { $0 + $1.weight * $1.multiplicity }
        let commutant = basis.blocks.reduce(0) { $0 + $1.type.dimension * $1.multiplicity * $1.multiplicity }
        for (b, block) in basis.blocks.enumerated()
        where basis.blockClass[b] >= 0 && basis.classes[basis.blockClass[b]].copies.count != block.multiplicity {
            failures.append("block \(block.label) declares μ = \(block.multiplicity) but has other copies")
        }
        let group = try PermutationGroup(
            generators: basis.generators.map { try Permutation(zeroBasedImages: $0) }, degree: n)
        let orbitals = n * n <= 50_000_000 ? try group.orbitsOnTuples(length: 2).count : basis.orbitalCount
        if dimension != n { failures.append("Σ w·μ = \(dimension), not n = \(n)") }
        if commutant != orbitals { failures.append("Σ δ·μ² = \(commutant), but G has \(orbitals) orbitals") }
        return BasisCertificate(
            failures: failures, checkedEntries: checked,
            floatingBlocks: blocks.indices.filter { blockClass[$0] < 0 }.map { blocks[$0].label })
    }

    /// Items 1–3 for one class.
    static func check(_ cls: ModelClass, class c: Int, basis: AdaptedBasis, positionOf: [Int])
        -> ([String], Int)
    {
        let model = cls.model
        let k = model.field
        let w = model.weight
        var failures = Self.checkModel(model, class: c)
        var checked = w * w * (model.generators.count + 2 * model.structure.count)
        let zero = NumberFieldElement(0, in: k)
        // 1: Gram matrix per orbit
        let byOrbit = Dictionary(grouping: cls.copies.indices, by: { cls.copies[$0].orbit })
        for (o, members) in byOrbit {
            let size = basis.orbits[o].points.count
            for x in members {
                for y in members where y >= x {
                    for a in 0..<w {
                        for b in 0..<w where x != y || b >= a {
                            var sum = zero
                            for q in 0..<size { sum += cls.copies[x].values[q][a] * cls.copies[y].values[q][b] }
                            checked += 1
                            if x == y && a == b ? sum.isZero : !sum.isZero {
                                failures.append("class \(c): BᵀB is not diagonal with nonzero diagonal on orbit \(o)")
                            }
                        }
                    }
                }
            }
        }
        // 2: P_s B = B M_s, entry by entry: B[q, a] = Σ_b B[s·q, b] ρ(s)_{ba}
        for copy in cls.copies {
            let points = basis.orbits[copy.orbit].points
            for (s, g) in basis.generators.enumerated() {
                let rho = model.generators[s]
                for (q, p) in points.enumerated() {
                    let target = copy.values[positionOf[Int(g[p])]]
                    for a in 0..<w {
                        var sum = zero
                        for b in 0..<w where !target[b].isZero && !rho[b][a].isZero { sum += target[b] * rho[b][a] }
                        checked += 1
                        if sum != copy.values[q][a] {
                            failures.append("class \(c): P_s B ≠ B M_s for generator \(s) on orbit \(copy.orbit)")
                        }
                    }
                }
            }
        }
        return (Array(Set(failures)).sorted(), checked)
    }

    /// Item 3: ρ(s) Λ-orthogonal, commutant of dimension δ, structure matrices of the declared division algebra.
    static func checkModel(_ model: IrreducibleModel, class c: Int) -> [String] {
        let k = model.field
        let w = model.weight
        let lambda = model.squaredNorms
        var failures: [String] = []
        let mul = { (a: [[NumberFieldElement]], b: [[NumberFieldElement]]) in
            NumberFieldLinearAlgebra.multiply(a, b, in: k)
        }
        if lambda.contains(where: \.isZero) { failures.append("class \(c): Λ has a zero entry") }
        for rho in model.generators {
            for a in 0..<w {
                for b in 0..<w {
                    var sum = NumberFieldElement(0, in: k)
                    for x in 0..<w { sum += rho[x][a] * lambda[x] * rho[x][b] }
                    if sum != (a == b ? lambda[a] : NumberFieldElement(0, in: k)) {
                        failures.append("class \(c): ρ(s) is not Λ-orthogonal")
                    }
                }
            }
        }
        // commutant {T : Tρ(s) = ρ(s)T}: w² unknowns T_xy at x·w + y
        var echelon = NumberFieldRowEchelon(unknowns: w * w, field: k)
        for rho in model.generators {
            for i in 0..<w {
                for j in 0..<w {
                    var row = [NumberFieldElement](repeating: NumberFieldElement(0, in: k), count: w * w)
                    for x in 0..<w {
                        row[i * w + x] += rho[x][j]
                        row[x * w + j] -= rho[i][x]
                    }
                    echelon.add(row)
                }
            }
        }
        let delta = model.type.dimension
        if w * w - echelon.rank != delta {
            failures.append(
                "class \(c): the model's commutant has dimension \(w * w - echelon.rank), expected \(delta)")
        }
        guard model.structure.count == delta - 1 else {
            return failures + ["class \(c): wrong number of structure maps"]
        }
        for t in model.structure {
            for rho in model.generators where mul(t, rho) != mul(rho, t) {
                failures.append("class \(c): a structure map does not commute with the model")
            }
            for a in 0..<w {
                for b in 0..<w where lambda[a] * t[a][b] != -(lambda[b] * t[b][a]) {
                    failures.append("class \(c): a structure map is not Λ-skew")
                }
            }
            let square = mul(t, t)
            let c0 = square[0][0]
            let scalar = (0..<w).allSatisfy { a in
                (0..<w).allSatisfy { square[a][$0] == (a == $0 ? c0 : NumberFieldElement(0, in: k)) }
            }
            if !scalar || c0.isZero { failures.append("class \(c): a structure map's square is not a nonzero scalar") }
        }
        if delta == 4 {
            let (i, j, kk) = (model.structure[0], model.structure[1], model.structure[2])
            let ij = mul(i, j)
            if ij != kk { failures.append("class \(c): K′ ≠ I′J′") }
            if zip(ij, mul(j, i)).contains(where: { zip($0, $1).contains { $0 != -$1 } }) {
                failures.append("class \(c): I′J′ ≠ −J′I′")
            }
        }
        return failures
    }
}
