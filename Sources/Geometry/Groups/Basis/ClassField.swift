import Algebra

/// The field of one Galois class of real irreducibles and the central idempotent e_ρ of one of them over
/// it (MATH.md §8.5 step 1). y = (z + zᵀ)·e_f is central and symmetric, so it takes one real value per
/// real irreducible of the class: its minimal polynomial h on e_f·A has degree N_f and
/// K = ℚ[x]/(h) ∋ θ. Then e_ρ = e_f · q(y)/h′(θ), q = h/(x − θ) ∈ K[x], is the central idempotent of the
/// irreducible where y = θ; the other N_f irreducibles are its images under the real embeddings of K.
/// Classes with N_f = 1 need no field: K = ℚ.
struct ClassField {
    let field: NumberField
    /// e_ρ in orbital coordinates over K.
    let idempotent: [NumberFieldElement]
    /// The N_f real embeddings of K (one per irreducible of the class), in increasing order of θ.
    let embeddings: [RealEmbedding]

    init(_ c: IsotypicClass, algebra: OrbitalAlgebra, centralElement z: [Rational]) throws {
        let s = algebra.dimension
        if c.copies == 1 {
            let q = NumberField.rationals()
            field = q
            idempotent = c.idempotent.map { NumberFieldElement($0, in: q) }
            embeddings = q.realEmbeddings()
            return
        }
        var symmetric = z
        for k in 0..<s { symmetric[k] = z[k] + z[algebra.transpose[k]] }
        let ls = algebra.leftMultiplication(by: symmetric)
        var y = IsotypicDecomposition.multiply(ls, c.idempotent)
        for _ in 0..<4 {
            let ly = algebra.leftMultiplication(by: y)
            let factors = ly.minimalPolynomial.primitiveIntegerPart.irreducibleFactors.map(\.0)
            if let h = factors.first(where: { $0.degree == c.copies && !($0.degree == 1 && $0.coefficient(0).isZero) }
            ) {
                let (small, scale) = Self.rescaled(h)
                let k = NumberField(small)
                let roots = k.realEmbeddings()
                if roots.count == c.copies {
                    field = k
                    embeddings = roots
                    idempotent = Self.split(
                        c.idempotent, y: ly, h: h, root: NumberFieldElement(scale, in: k) * k.generator)
                    return
                }
            }
            y = IsotypicDecomposition.multiply(ls, y)  // try the next power of z + zᵀ on e_f
        }
        throw GeometryError.tooLarge(
            "could not separate the \(c.copies) real irreducibles of a Galois class (\(c.block.type.rawValue)"
                + "\(c.block.weight)); please report the generators")
    }

    /// h(m·u)/m^d for the largest m (a product of primes below 1000) keeping integer coefficients, and m:
    /// x² − 3380 becomes u² − 5 with θ = 26·a, so fields print as small polynomials.
    static func rescaled(_ h: IntegerPolynomial) -> (IntegerPolynomial, Int) {
        let d = h.degree
        var coefficients = (0...d).map { h.coefficient($0) }
        var scale = 1
        for p in 2..<1000 where (2..<p).allSatisfy({ p % $0 != 0 }) {
            let prime = BigInteger(p)
            while scale < Int.max / 1000 {
                var powers = BigInteger(1)
                var divisible = true
                for i in stride(from: d - 1, through: 0, by: -1) {
                    powers = powers * prime
                    if !(coefficients[i] % powers).isZero { divisible = false }
                }
                guard divisible else { break }
                powers = BigInteger(1)
                for i in stride(from: d - 1, through: 0, by: -1) {
                    powers = powers * prime
                    coefficients[i] = coefficients[i] / powers
                }
                scale *= p
            }
        }
        return (IntegerPolynomial(coefficients: coefficients), scale)
    }

    /// e_f · q(y)/h′(θ) with q = h/(x − θ), from the powers y^i·e_f; θ = `root`, a root of h in K.
    static func split(_ e: [Rational], y ly: RationalMatrix, h: IntegerPolynomial, root theta: NumberFieldElement)
        -> [NumberFieldElement]
    {
        let d = h.degree
        let k = theta.field
        let coefficients = (0...d).map { NumberFieldElement(Rational(h.coefficient($0)), in: k) }
        var q = [NumberFieldElement](repeating: NumberFieldElement(0, in: k), count: d)
        q[d - 1] = coefficients[d]
        for i in stride(from: d - 1, through: 1, by: -1) { q[i - 1] = coefficients[i] + theta * q[i] }
        var derivative = NumberFieldElement(0, in: k)
        var power = NumberFieldElement(1, in: k)
        for i in 1...d {
            derivative += NumberFieldElement(i, in: k) * coefficients[i] * power
            power = power * theta
        }
        var result = [NumberFieldElement](repeating: NumberFieldElement(0, in: k), count: e.count)
        var v = e
        for i in 0..<d {
            for j in v.indices where !v[j].isZero { result[j] += q[i] * NumberFieldElement(v[j], in: k) }
            v = IsotypicDecomposition.multiply(ly, v)
        }
        return result.map { $0 / derivative }
    }
}
