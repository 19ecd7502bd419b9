import Algebra

/// A one-dimensional linear convolutional network without padding (MATH.md §14): layer i convolves with a filter
/// w_i of size k_i at stride s_i, so the network convolves with the end-to-end filter
/// u(x) = w_1(x)·w_2(x^{S_2})⋯w_L(x^{S_L}), S_i = s_1⋯s_{i−1}, of size k = 1 + Σ_i (k_i − 1) S_i at stride
/// s_1⋯s_L (filters as polynomials, coefficient j at x^j). Its function space is the image of this polynomial map
/// μ: ℝ^{Σ k_i} → ℝ^k.
///
///     k = (2, 2), s = (1, 1): u = w_1·w_2, the quadratics with real roots (dimension 3, not filling);
///     k = (2, 2), s = (2, 1): u = w_1(x)·w_2(x²), size 4, dimension 3.
public struct LinearConvolutionalNetwork: Sendable, Hashable {
    /// k_i per layer.
    public let filterSizes: [Int]
    /// s_i per layer.
    public let strides: [Int]

    /// The largest end-to-end filter size eqgeom builds exactly.
    public static let maximumFilterSize = 100_000
    /// The most Jacobian entries (k · Σ k_i) whose exact rank eqgeom computes.
    public static let maximumJacobianEntries = 1 << 22
    /// The largest filter size whose membership (real roots of a polynomial of degree k − 1) is decided.
    public static let maximumFactoredSize = 2049

    /// Refuses a Jacobian beyond `maximumJacobianEntries` before it is built.
    /// - Throws: `GeometryError.tooLarge`.
    public func checkJacobianSize() throws {
        let entries = ByteCount.product(filterSize, parameterCount)
        guard entries <= Self.maximumJacobianEntries else {
            throw GeometryError.tooLarge(
                "the Jacobian has \(filterSize)×\(parameterCount) entries, more than the "
                    + "\(Self.maximumJacobianEntries) whose exact rank eqgeom computes")
        }
    }

    /// A network of L ≥ 1 layers.
    /// - Throws: `GeometryError.invalidShape` for no layers, sizes or strides below 1, different counts, or an
    ///   end-to-end filter beyond `maximumFilterSize`.
    public init(filterSizes: [Int], strides: [Int]) throws {
        guard !filterSizes.isEmpty, filterSizes.count == strides.count else {
            throw GeometryError.invalidShape(
                "give one stride per filter (\(filterSizes.count) filters, \(strides.count) strides)")
        }
        guard filterSizes.allSatisfy({ $0 >= 1 }), strides.allSatisfy({ $0 >= 1 }) else {
            throw GeometryError.invalidShape("filter sizes and strides are at least 1")
        }
        var size = 1
        var offset = 1
        for (k, s) in zip(filterSizes, strides) {
            let (step, o1) = (k - 1).multipliedReportingOverflow(by: offset)
            let (next, o2) = size.addingReportingOverflow(step)
            let (nextOffset, o3) = offset.multipliedReportingOverflow(by: s)
            guard !o1, !o2, !o3, next <= Self.maximumFilterSize else {
                throw GeometryError.invalidShape(
                    "the end-to-end filter would exceed \(Self.maximumFilterSize) entries")
            }
            size = next
            offset = nextOffset
        }
        self.filterSizes = filterSizes
        self.strides = strides
    }

    /// L, the number of layers.
    public var depth: Int { filterSizes.count }

    /// S_i = s_1⋯s_{i−1}: the power of x that layer i's filter is evaluated at.
    public var dilations: [Int] {
        var out: [Int] = []
        var s = 1
        for stride in strides {
            out.append(s)
            s *= stride
        }
        return out
    }

    /// k = 1 + Σ (k_i − 1) S_i.
    public var filterSize: Int { zip(filterSizes, dilations).reduce(1) { $0 + ($1.0 - 1) * $1.1 } }

    /// The end-to-end stride s_1⋯s_L.
    public var stride: Int { strides.reduce(1, *) }

    /// Σ k_i.
    public var parameterCount: Int { filterSizes.reduce(0, +) }

    /// min(k, Σ k_i − (L − 1)): the filters' scalings (w_i c, w_j / c) leave u unchanged, L − 1 dimensions.
    public var dimensionBound: Int { min(filterSize, parameterCount - (depth - 1)) }

    /// The end-to-end filter of the given filters.
    /// - Precondition: one filter of size k_i per layer.
    public func endToEnd(_ filters: [[Rational]]) -> [Rational] {
        precondition(filters.map(\.count) == filterSizes)
        var u = [Rational(1)]
        for (w, s) in zip(filters, dilations) { u = Self.multiply(u, w, dilation: s) }
        return u
    }

    /// a(x)·b(x^s) as coefficient lists.
    static func multiply(_ a: [Rational], _ b: [Rational], dilation s: Int) -> [Rational] {
        var out = [Rational](repeating: 0, count: a.count + (b.count - 1) * s)
        for (i, x) in a.enumerated() where !x.isZero {
            for (j, y) in b.enumerated() where !y.isZero { out[i + j * s] += x * y }
        }
        return out
    }

    /// The Jacobian of μ at the given filters (k × Σ k_i): column (i, l) is x^{l·S_i} ∏_{j≠i} w_j(x^{S_j}).
    public func jacobian(at filters: [[Rational]]) -> RationalMatrix {
        var columns: [[Rational]] = []
        for (i, (k, s)) in zip(filterSizes, dilations).enumerated() {
            var others = [Rational(1)]
            for (j, (w, t)) in zip(filters, dilations).enumerated() where j != i {
                others = Self.multiply(others, w, dilation: t)
            }
            for l in 0..<k {
                var unit = [Rational](repeating: 0, count: l + 1)
                unit[l] = 1
                columns.append(Self.multiply(others, unit, dilation: s))
            }
        }
        var m = RationalMatrix(rows: filterSize, columns: columns.count)
        for (c, column) in columns.enumerated() {
            for (r, x) in column.enumerated() where !x.isZero { m[r, c] = x }
        }
        return m
    }

    /// The dimension of the function space: the rank of the Jacobian at a seeded random integer point, which is
    /// the generic rank unless the point is special; `certified` when it reaches `dimensionBound`, which it
    /// cannot exceed.
    /// - Throws: `GeometryError.tooLarge` past `maximumJacobianEntries`.
    public func dimension(seed: UInt64 = 1) throws -> (value: Int, certified: Bool) {
        try checkJacobianSize()
        var rng = SplitMix(seed)
        let filters = filterSizes.map { k in (0..<k).map { _ in Rational(Int(rng.next() % 2001) - 1000) } }
        let rank = jacobian(at: filters).rank
        return (rank, rank == dimensionBound)
    }

    /// Whether the function space is full-dimensional in ℝ^k.
    public var isFullDimensional: Bool { dimensionBound == filterSize }

    /// Whether the function space is all of ℝ^k: full-dimensional (every layer with k_i ≥ 2 at dilation 1) and at
    /// most one even filter among them, since every real polynomial factors into real factors of degrees
    /// k_i − 1 exactly when at most one of those degrees is odd (MATH.md §14.2).
    public var isFilling: Bool {
        isFullDimensional && filterSizes.filter { $0 >= 2 && $0 % 2 == 0 }.count <= 1
    }

    /// Where a member u lies in the function space of an undilated network (MATH.md §14.2).
    public enum Position: String, Sendable, Codable {
        /// Every filter near u is a product too.
        case interior
        /// Filters arbitrarily close to u are not products.
        case boundary
    }

    /// Where u lies, for an undilated network: interior exactly when every nearby polynomial of degree k − 1 keeps
    /// as many real roots as the odd degrees k_i − 1 need — the real roots of odd multiplicity persist, those of
    /// even multiplicity may leave the real line, and d = k − 1 − deg u missing leading degrees add d mod 2 real
    /// roots at least. Nil when u is not a member, membership is not decided or a stride dilates a filter.
    /// - Throws: as `contains`.
    public func position(of u: [Rational]) throws -> Position? {
        guard try contains(u) == true, isUndilated else { return nil }
        if isFilling { return .interior }
        let p = Self.integerPolynomial(u)
        if p.isZero { return .boundary }
        let needed = filterSizes.filter { $0 >= 2 && ($0 - 1) % 2 == 1 }.count
        let persistent = p.persistentRealRootCount + (filterSize - 1 - p.degree) % 2
        return persistent >= needed ? .interior : .boundary
    }

    /// u as a primitive integer polynomial (the same roots).
    static func integerPolynomial(_ u: [Rational]) -> IntegerPolynomial {
        RationalPolynomial(coefficients: u).primitiveIntegerPart
    }

    /// Whether u has a repeated (complex) root.
    public static func hasRepeatedRoot(_ u: [Rational]) -> Bool {
        let p = integerPolynomial(u)
        return !p.isZero && IntegerPolynomial.gcd(p, p.derivative).degree >= 1
    }

    /// Whether two of the dilated factors w_i(x^{S_i}) share a (complex) root: for stride one exactly where the
    /// Jacobian of μ drops rank at a point whose filters are nonzero.
    public func sharesRoots(_ filters: [[Rational]]) -> Bool {
        let factors = zip(filters, dilations).map { w, s in
            Self.integerPolynomial(Self.multiply([1], w, dilation: s))
        }
        for i in factors.indices {
            for j in factors.indices where j > i && !factors[i].isZero && !factors[j].isZero {
                if IntegerPolynomial.gcd(factors[i], factors[j]).degree >= 1 { return true }
            }
        }
        return false
    }

    /// Whether u (coefficients of x^0, x^1, …, at most k of them) lies in the function space, decided exactly
    /// (MATH.md §14.2):
    /// - when every layer with k_i ≥ 2 has dilation 1 (stride one): u must factor into real factors of degrees
    ///   d_i ≤ k_i − 1, possible exactly when some such choice has at most as many odd d_i as u has real roots;
    /// - when the layers after the first all have dilation s_1 (any two-layer network, say): u = w_1(x)·v(x^{s_1})
    ///   with v from the undilated network of layers 2…L, and v must divide the gcd G of u's polyphase components
    ///   U_r(y) = Σ_j u_{r+js_1} y^j, so only v's degree and real-root count matter;
    /// - for every other dilation pattern, by u's roots: layer i ≥ 2 takes at most k_i − 1 full fibres
    ///   {z : z^{S_i} = a} over a conjugation-closed multiset of a, the first layer the rest (`RootFibres`).
    /// Nil when the roots' fibres are not computed (`IntegerPolynomial.maximumFibreWork`) or the search over them
    /// passes `maximumFibreSearch` steps.
    /// - Throws: `GeometryError.tooLarge` for u of more than `maximumFactoredSize` entries.
    public func contains(_ u: [Rational]) throws -> Bool? {
        guard u.count <= Self.maximumFactoredSize else {
            throw GeometryError.tooLarge(
                "membership counts the real roots of polynomials of degree below \(Self.maximumFactoredSize); "
                    + "this filter has \(u.count) entries")
        }
        guard u.count <= filterSize else { return nil }
        let p = Self.integerPolynomial(u)
        if p.isZero { return true }
        if isUndilated {
            return Self.factors(degree: p.degree, realRoots: p.realRootCount, bounds: filterSizes.map { $0 - 1 })
        }
        if isPolyphase { return containsPolyphase(p, stride: strides[0]) }
        return containsByFibres(p)
    }

    /// Whether every layer with k_i ≥ 2 has dilation 1 (the stride-one case of membership).
    var isUndilated: Bool { zip(filterSizes, dilations).allSatisfy { $0.0 == 1 || $0.1 == 1 } }

    /// Whether every layer after the first with k_i ≥ 2 has dilation s_1 (the polyphase case of membership).
    var isPolyphase: Bool {
        zip(filterSizes, dilations).dropFirst().allSatisfy { $0.0 == 1 || $0.1 == strides[0] }
    }

    /// The most steps the search over root fibres takes before membership is left undecided.
    public static let maximumFibreSearch = 1 << 18

    /// Membership by u's roots (MATH.md §14.2): u = c·w_1(x)·∏_{i≥2} w_i(x^{S_i}) exactly when its nonzero roots
    /// (with multiplicity) and zeros split into, for each layer i ≥ 2, the fibres over the roots of a real w_i of
    /// degree ≤ k_i − 1 — full fibres over real a (one degree each), over conjugate pairs (two), over 0 (S_i
    /// zeros) — and at most k_1 − 1 roots left for w_1. A depth-first search finds the most roots such fibres
    /// cover; nil past `maximumFibreSearch` steps or when the fibres are not computed.
    func containsByFibres(_ p: IntegerPolynomial) -> Bool? {
        let layers = zip(filterSizes, dilations).dropFirst().filter { $0.0 >= 2 }.sorted { $0.1 > $1.1 }
        let needed = p.degree - (filterSizes[0] - 1)
        if needed <= 0 { return true }
        guard let roots = p.rootFibres(exponents: Set(layers.map(\.1))) else { return nil }
        var cover = FibreCover(left: roots.multiplicities, zerosLeft: roots.zeroMultiplicity, needed: needed)
        for (k, s) in layers {
            var items: [FibreCover.Item] = []
            if roots.zeroMultiplicity >= s { items.append(.init(roots: [], zeros: s, cost: 1, covered: s)) }
            let fibres = roots.fibres[s] ?? []
            var i = 0
            while i < fibres.count {
                if fibres[i].isReal {
                    items.append(.init(roots: fibres[i].roots, zeros: 0, cost: 1, covered: s))
                    i += 1
                } else {
                    guard i + 1 < fibres.count else { return nil }
                    let pair = fibres[i].roots + fibres[i + 1].roots
                    items.append(.init(roots: pair, zeros: 0, cost: 2, covered: 2 * s))
                    i += 2
                }
            }
            cover.layers.append(.init(capacity: k - 1, perDegree: s, items: items))
        }
        return cover.reachable()
    }

    /// u = w_1(x)·v(x^s) with v from the undilated layers 2…L: W_r = U_r / v must have degree ≤ ⌊(k_1 − 1 − r)/s⌋,
    /// so v is a real divisor of G = gcd_r U_r of degree d at least max_r(deg U_r − ⌊(k_1 − 1 − r)/s⌋); a real
    /// divisor of degree d with j real roots exists exactly when j ≤ ρ(G), j ≡ d (mod 2) and (d − j)/2 ≤ the
    /// conjugate pairs of G.
    func containsPolyphase(_ p: IntegerPolynomial, stride s: Int) -> Bool {
        let first = filterSizes[0] - 1
        let coefficients = p.coefficients
        var gcd = IntegerPolynomial()
        var lowest = 0
        for r in 0..<s {
            let component = IntegerPolynomial(
                coefficients: Array(
                    Swift.stride(from: r, to: coefficients.count, by: s)
                        .map { coefficients[$0] }))
            guard !component.isZero else { continue }
            guard r <= first else { return false }
            lowest = max(lowest, component.degree - (first - r) / s)
            gcd = gcd.isZero ? component : IntegerPolynomial.gcd(gcd, component)
        }
        let rho = gcd.realRootCount
        let pairs = (gcd.degree - rho) / 2
        let bounds = filterSizes.dropFirst().map { $0 - 1 }
        guard lowest <= min(gcd.degree, bounds.reduce(0, +)) else { return false }
        for d in lowest...min(gcd.degree, bounds.reduce(0, +)) {
            for j in Swift.stride(from: d % 2, through: min(rho, d), by: 2) where (d - j) / 2 <= pairs {
                if Self.factors(degree: d, realRoots: j, bounds: Array(bounds)) { return true }
            }
        }
        return false
    }

    /// Whether a real polynomial of this degree with this many real roots (with multiplicity) factors into real
    /// factors of degrees d_i ≤ bounds_i: the fewest odd d_i with Σ d_i = degree (a dynamic programme over the
    /// layers) must not exceed the real roots.
    static func factors(degree: Int, realRoots: Int, bounds: [Int]) -> Bool {
        var fewest = [Int?](repeating: nil, count: degree + 1)
        fewest[0] = 0
        for e in bounds {
            var next = [Int?](repeating: nil, count: degree + 1)
            for (s, odd) in fewest.enumerated() {
                guard let odd else { continue }
                for d in 0...min(e, degree - s) {
                    let candidate = odd + d % 2
                    if next[s + d].map({ candidate < $0 }) ?? true { next[s + d] = candidate }
                }
            }
            fewest = next
        }
        guard let odd = fewest[degree] else { return false }
        return odd <= realRoots
    }

    /// The function space is closed in the Euclidean topology, for every architecture (MATH.md §14.2): for fixed
    /// degrees ‖∏_i w_i(x^{S_i})‖ ≥ c·∏_i ‖w_i‖ with c > 0, so a convergent sequence of products has preimages of
    /// bounded norm once the scalings balance them, and a limit point of those maps to the limit.
    public var isEuclideanClosed: Bool { true }
}
