import Algebra

/// The span of words in matrices closed under one operation with generators g_1, …, g_s ⊆ ℚ^{d×d}, found by
/// spinning — apply the operation with every generator to each new basis element until the span stops growing:
/// - `product`, from I: the unital algebra ⟨g_1, …, g_s⟩ (MATH.md §9.2);
/// - `bracket`, from the generators: their Lie closure, since the Lie algebra a set S generates is spanned by the
///   right-normed brackets [s₁, [s₂, …, s_k]] (MATH.md §10.2).
///
/// The spinning runs modulo the prime p = 2³¹ − 1 (incremental echelon form of word-size residues, no rational
/// growth); the words it keeps are independent over ℚ (a ℚ-dependency would reduce to one mod p). Their exact
/// span is the answer when their number reaches a known upper bound on its dimension; otherwise it is formed once
/// (reduced row echelon form over ℚ) and checked: every g_i applied to a kept word lies in it, so the span holds
/// the start and is closed under the operation. A prime that divides a denominator or loses rank (the check fails)
/// falls back to spinning over ℚ.
enum GeneratedAlgebra {
    static let prime: UInt64 = 2_147_483_647

    /// What each generator does to a word.
    enum Operation {
        /// g·w, from I: the unital associative algebra.
        case product
        /// [g, w] = gw − wg, from the generators: the Lie algebra.
        case bracket

        func apply(_ g: RationalMatrix, _ w: RationalMatrix) -> RationalMatrix {
            self == .product ? g * w : g * w - w * g
        }

        func apply(_ g: [UInt64], _ w: [UInt64], _ d: Int, _ p: UInt64) -> [UInt64] {
            let gw = GeneratedAlgebra.multiply(g, w, d, p)
            guard self == .bracket else { return gw }
            let wg = GeneratedAlgebra.multiply(w, g, d, p)
            return zip(gw, wg).map { ($0 + p - $1) % p }
        }

        func start(_ generators: [RationalMatrix], _ d: Int) -> [RationalMatrix] {
            self == .product ? [RationalMatrix.identity(d)] : generators
        }
    }

    /// A basis of ⟨generators⟩: words in the generators when they reach `bound` (an upper bound on the dimension,
    /// e.g. the bicommutant's), else the reduced row echelon form over vec (row-major).
    static func basis(
        generatedBy generators: [RationalMatrix], dimension d: Int, atMost bound: Int? = nil,
        operation: Operation = .product
    ) -> [RationalMatrix] {
        modular(generators, dimension: d, atMost: bound, operation: operation)
            ?? exact(generators, dimension: d, operation: operation)
    }

    /// Spinning over ℚ with an exact echelon form (the fallback, and the definition).
    static func exact(_ generators: [RationalMatrix], dimension d: Int, operation: Operation = .product)
        -> [RationalMatrix]
    {
        var span = MatrixSpan(length: d * d)
        var queue = operation.start(generators, d).filter { span.add($0) }
        while let x = queue.popLast() {
            for g in generators {
                let image = operation.apply(g, x)
                if span.add(image) { queue.append(image) }
            }
        }
        return span.basis(rows: d, columns: d)
    }

    /// Spinning mod p, then the exact span of the kept words and its closure check; nil when either fails.
    static func modular(
        _ generators: [RationalMatrix], dimension d: Int, atMost bound: Int? = nil, operation: Operation = .product
    ) -> [RationalMatrix]? {
        guard let words = modularWords(generators, dimension: d, operation: operation) else { return nil }
        return verified(words, generators, dimension: d, atMost: bound, operation: operation)
    }

    /// How a kept word arose: a start element (`parent` −1, `generator` its index in the start) or the operation
    /// of generator `generator` on the earlier kept word `parent`.
    typealias Origin = (parent: Int, generator: Int)

    /// The words spinning keeps mod p, in order; nil when p divides a denominator.
    static func modularWords(_ generators: [RationalMatrix], dimension d: Int, operation: Operation) -> [Origin]? {
        let p = prime
        func residues(_ m: RationalMatrix) -> [UInt64]? {
            var r = [UInt64](repeating: 0, count: d * d)
            for i in 0..<d {
                for j in 0..<d where !m.isZero(i, j) {
                    guard let x = m[i, j].residue(modulo: p) else { return nil }
                    r[i * d + j] = x
                }
            }
            return r
        }
        var reduced: [[UInt64]] = []
        for g in generators {
            guard let r = residues(g) else { return nil }
            reduced.append(r)
        }
        var echelon = ModularEchelon(length: d * d, prime: p)
        var words: [[UInt64]] = []
        var origin: [Origin] = []
        for (k, s) in operation.start(generators, d).enumerated() {
            guard let r = residues(s) else { return nil }
            if echelon.add(r) {
                words.append(r)
                origin.append((-1, k))
            }
        }
        var next = 0
        while next < words.count {
            for (gi, g) in reduced.enumerated() {
                let image = operation.apply(g, words[next], d, p)
                if echelon.add(image) {
                    words.append(image)
                    origin.append((next, gi))
                }
            }
            next += 1
        }
        return origin
    }

    /// The kept words over ℚ, each the operation of a generator on an earlier one.
    static func exactWords(_ origin: [Origin], _ generators: [RationalMatrix], dimension d: Int, operation: Operation)
        -> [RationalMatrix]
    {
        let start = operation.start(generators, d)
        var exact: [RationalMatrix] = []
        for (parent, gi) in origin {
            exact.append(parent < 0 ? start[gi] : operation.apply(generators[gi], exact[parent]))
        }
        return exact
    }

    /// The kept words themselves when they reach `bound`, else the reduced row echelon form of their span if it is
    /// closed under the operation with every generator; nil when the check fails (an unlucky prime).
    static func verified(
        _ origin: [Origin], _ generators: [RationalMatrix], dimension d: Int, atMost bound: Int?,
        operation: Operation
    ) -> [RationalMatrix]? {
        let exact = exactWords(origin, generators, dimension: d, operation: operation)
        let m = exact.count
        if m == bound { return exact }  // independent words in a space of dimension ≤ m: a basis
        let (form, rank) = MatrixSpan.vectorized(exact, length: d * d).rowReduced
        guard rank == m else { return nil }
        // closure: every image g·w lies in the row space, i.e. equals its pivot entries times the echelon rows
        var pivots: [Int] = []
        for r in 0..<m {
            guard let q = (0..<(d * d)).first(where: { !form.isZero(r, $0) }) else { return nil }
            pivots.append(q)
        }
        let images = MatrixSpan.vectorized(
            exact.flatMap { w in generators.map { operation.apply($0, w) } }, length: d * d)
        var coordinates = RationalMatrix(rows: images.rows, columns: m)
        for row in 0..<images.rows {
            for (c, q) in pivots.enumerated() where !images.isZero(row, q) { coordinates[row, c] = images[row, q] }
        }
        guard coordinates * form == images else { return nil }
        return MatrixSpan.matrices(fromRows: form, count: m, rows: d, columns: d)
    }

    /// a·b mod p for d×d residues (row-major).
    static func multiply(_ a: [UInt64], _ b: [UInt64], _ d: Int, _ p: UInt64) -> [UInt64] {
        var c = [UInt64](repeating: 0, count: d * d)
        for i in 0..<d {
            for l in 0..<d where a[i * d + l] != 0 {
                let x = a[i * d + l]
                for j in 0..<d where b[l * d + j] != 0 { c[i * d + j] = (c[i * d + j] + x * b[l * d + j]) % p }
            }
        }
        return c
    }
}

/// A growing span of vectors mod a prime below 2³², in echelon form: each row has a pivot with entry 1 that no
/// later-added row has (rows reduce a new vector in the order they were added).
struct ModularEchelon {
    let length: Int
    let prime: UInt64
    private var rows: [[UInt64]] = []
    private var pivots: [Int] = []

    init(length: Int, prime: UInt64) {
        self.length = length
        self.prime = prime
    }

    /// Adds v; returns whether the span grew.
    mutating func add(_ v: [UInt64]) -> Bool {
        let p = prime
        var v = v
        for (row, q) in zip(rows, pivots) where v[q] != 0 {
            let f = p - v[q]
            for e in 0..<length where row[e] != 0 { v[e] = (v[e] + f * row[e]) % p }
        }
        guard let q = v.firstIndex(where: { $0 != 0 }) else { return false }
        let inverse = Self.power(v[q], p - 2, p)
        for e in 0..<length where v[e] != 0 { v[e] = v[e] * inverse % p }
        rows.append(v)
        pivots.append(q)
        return true
    }

    /// x^e mod p.
    static func power(_ x: UInt64, _ e: UInt64, _ p: UInt64) -> UInt64 {
        var (result, base, e) = (UInt64(1), x % p, e)
        while e > 0 {
            if e & 1 == 1 { result = result * base % p }
            base = base * base % p
            e >>= 1
        }
        return result
    }
}
