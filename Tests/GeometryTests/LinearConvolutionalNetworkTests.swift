import Foundation
import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

/// Linear convolutional networks (MATH.md §14) against independent computations: layer-by-layer convolution of
/// signals, Macaulay2's dimension of the image, Sturm sequences and brute force for membership.
@Suite struct LinearConvolutionalNetworkTests {
    /// y_j = Σ_i w_i x_{s j + i}.
    static func convolve(_ x: [Rational], _ w: [Rational], stride s: Int) -> [Rational] {
        guard x.count >= w.count else { return [] }
        return stride(from: 0, through: x.count - w.count, by: s).map { start in
            w.indices.reduce(Rational(0)) { $0 + w[$1] * x[start + $1] }
        }
    }

    @Test func endToEndFilterIsTheComposition() throws {
        var rng = SeededGenerator(seed: 1401)
        for _ in 0..<testIterations(40) {
            let depth = Int.random(in: 1...3, using: &rng)
            let sizes = (0..<depth).map { _ in Int.random(in: 1...4, using: &rng) }
            let strides = (0..<depth).map { _ in Int.random(in: 1...3, using: &rng) }
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: strides)
            let filters = sizes.map { k in (0..<k).map { _ in Rational(Int.random(in: -5...5, using: &rng)) } }
            let x = (0..<(net.filterSize + 3 * net.stride)).map { _ in Rational(Int.random(in: -9...9, using: &rng)) }
            var y = x
            for (w, s) in zip(filters, strides) { y = Self.convolve(y, w, stride: s) }
            let direct = Self.convolve(x, net.endToEnd(filters), stride: net.stride)
            #expect(direct == y, "k=\(sizes) s=\(strides)")
        }
    }

    /// Tests/GeometryTests/Oracles/lcn-dimensions.txt, written by lcn-dimensions.m2 (Macaulay2: the dimension of
    /// the kernel of the coefficient map).
    @Test func dimensionsAgreeWithMacaulay2() throws {
        let url = packageRoot().appendingPathComponent("Tests/GeometryTests/Oracles/lcn-dimensions.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 10)
        for line in lines {
            // "{2, 2} {1, 1} 3": filter sizes, strides, dimension
            let groups = line.split(separator: "}").map { $0.filter { "0123456789,".contains($0) } }
            let numbers = groups.map { $0.split(separator: ",").compactMap { Int($0) } }
            guard numbers.count == 3, let expected = numbers[2].first else {
                Issue.record("malformed oracle line \(line)")
                continue
            }
            let net = try LinearConvolutionalNetwork(filterSizes: numbers[0], strides: numbers[1])
            let d = try net.dimension()
            #expect(d.value == expected && d.certified, "\(line): eqgeom \(d)")
        }
    }

    /// The number of distinct real roots of a squarefree p by Sturm's theorem (sign changes at ±∞), with
    /// rationals; with multiplicity through repeated gcds.
    static func realRoots(_ p: [Rational]) -> Int {
        func trim(_ a: [Rational]) -> [Rational] {
            var a = a
            while let last = a.last, last.isZero { a.removeLast() }
            return a
        }
        func remainder(_ a: [Rational], _ b: [Rational]) -> [Rational] {
            var a = trim(a)
            let b = trim(b)
            while a.count >= b.count, let lead = a.last, let bl = b.last {
                let q = lead / bl
                let shift = a.count - b.count
                for i in b.indices { a[i + shift] = a[i + shift] - q * b[i] }
                a = trim(Array(a.dropLast()))
            }
            return a
        }
        func derivative(_ a: [Rational]) -> [Rational] { a.indices.dropFirst().map { Rational($0) * a[$0] } }
        func gcd(_ a: [Rational], _ b: [Rational]) -> [Rational] { trim(b).isEmpty ? trim(a) : gcd(b, remainder(a, b)) }
        func distinct(_ p: [Rational]) -> Int {
            var chain = [trim(p), trim(derivative(p))]
            while let last = chain.last, !last.isEmpty {
                let r = remainder(chain[chain.count - 2], last).map { Rational(0) - $0 }
                if trim(r).isEmpty { break }
                chain.append(trim(r))
            }
            func changes(_ signs: [Int]) -> Int { zip(signs, signs.dropFirst()).filter { $0 * $1 < 0 }.count }
            let plus = chain.compactMap { $0.last.map { $0.signum } }.filter { $0 != 0 }
            let minus = chain.compactMap { c in c.last.map { $0.signum * ((c.count - 1) % 2 == 0 ? 1 : -1) } }
                .filter { $0 != 0 }
            return changes(minus) - changes(plus)
        }
        // with multiplicity: p = ∏ g_i^i from the gcd chain, real roots of p = Σ over g = gcd(p, p′)^… recursively
        let p = trim(p)
        if p.count <= 1 { return 0 }
        let g = gcd(p, derivative(p))
        if g.count <= 1 { return distinct(p) }
        return distinct(p) + realRoots(g)
    }

    /// Membership for stride 1 by brute force: real roots by Sturm sequences, every degree split d_i ≤ k_i − 1.
    @Test func membershipAgreesWithSturmAndBruteForce() throws {
        var rng = SeededGenerator(seed: 1402)
        for sizes in [[2, 2], [3, 2], [2, 2, 2], [3, 3], [2, 3, 2], [4, 2]] {
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: sizes.map { _ in 1 })
            for _ in 0..<testIterations(15) {
                let u = (0..<net.filterSize).map { _ in Rational(Int.random(in: -6...6, using: &rng)) }
                let rho = Self.realRoots(u)
                var degree = u.count - 1
                while degree >= 0 && u[degree].isZero { degree -= 1 }
                var expected = degree < 0
                func split(_ i: Int, _ left: Int, _ odd: Int) {
                    if i == sizes.count {
                        if left == 0 && odd <= rho { expected = true }
                        return
                    }
                    for d in 0...min(sizes[i] - 1, max(left, 0)) { split(i + 1, left - d, odd + d % 2) }
                }
                if degree >= 0 { split(0, degree, 0) }
                #expect(try net.contains(u) == expected, "k=\(sizes) u=\(u) ρ=\(rho)")
            }
            // filling: every polynomial is a member exactly when at most one filter is even
            #expect(net.isFilling == (sizes.filter { $0 % 2 == 0 }.count <= 1))
        }
        let net = try LinearConvolutionalNetwork(filterSizes: [2, 2], strides: [1, 1])
        #expect(try net.contains([1, 0, 1]) == false && net.contains([1, -2, 1]) == true)  // x² + 1, (x − 1)²
        #expect(try LinearConvolutionalNetwork(filterSizes: [2, 2, 2], strides: [2, 2, 1]).contains([1]) == true)
    }

    /// Membership of dilated networks u = w_1(x)·w_2(x^s) with k_1 ≤ s against a second method: the coefficients
    /// u_{r+js} = w_{1,r}·w_{2,j} form a rank-≤ 1 matrix with zero rows r ≥ k_1, and every real such matrix is a
    /// product. Products of random filters are members; hand-derived cases with k_1 > s and three layers.
    @Test func dilatedMembershipAgreesWithRankOne() throws {
        var rng = SeededGenerator(seed: 1404)
        for (k1, k2, s) in [(2, 2, 2), (2, 3, 3), (3, 2, 3), (2, 2, 4), (3, 3, 3)] {
            let net = try LinearConvolutionalNetwork(filterSizes: [k1, k2], strides: [s, 1])
            for trial in 0..<testIterations(40) {
                var u = [Rational](repeating: 0, count: net.filterSize)
                if trial % 2 == 0 {  // a product: rank one
                    let a = (0..<k1).map { _ in Int.random(in: -3...3, using: &rng) }
                    let b = (0..<k2).map { _ in Int.random(in: -3...3, using: &rng) }
                    for r in 0..<k1 { for j in 0..<k2 { u[r + j * s] = Rational(a[r] * b[j]) } }
                } else {  // random entries: rank one only by chance
                    for i in u.indices { u[i] = Rational(Int.random(in: -2...2, using: &rng)) }
                }
                var rankOne = true
                for i in u.indices where !u[i].isZero && i % s >= k1 { rankOne = false }
                for i in u.indices {
                    for j in u.indices where i % s < k1 && j % s < k1 {
                        // minor of rows (i mod s, j mod s), columns (i div s, j div s)
                        let (r1, c1, r2, c2) = (i % s, i / s, j % s, j / s)
                        let x = r1 + c2 * s
                        let y = r2 + c1 * s
                        guard x < u.count, y < u.count else { continue }
                        if u[i] * u[j] != u[x] * u[y] { rankOne = false }
                    }
                }
                #expect(try net.contains(u) == rankOne, "k=(\(k1),\(k2)) s=\(s) u=\(u)")
            }
        }
        // k = (3, 2, 2), s = (2, 1, 1): v = w_2·w_3 needs two real roots; (1 + x + x²)(1 ± x⁴)
        let net = try LinearConvolutionalNetwork(filterSizes: [3, 2, 2], strides: [2, 1, 1])
        #expect(try net.contains([1, 1, 1, 0, 1, 1, 1]) == false)
        #expect(try net.contains([-1, -1, -1, 0, 1, 1, 1]) == true)
        var rng2 = SeededGenerator(seed: 1405)
        for sizes in [[3, 2], [4, 2, 2], [3, 3]] {
            let strided = try LinearConvolutionalNetwork(
                filterSizes: sizes, strides: [2] + sizes.dropFirst().map { _ in 1 })
            for _ in 0..<testIterations(10) {
                let filters = sizes.map { k in (0..<k).map { _ in Rational(Int.random(in: -4...4, using: &rng2)) } }
                #expect(try strided.contains(strided.endToEnd(filters)) == true, "k=\(sizes) \(filters)")
            }
        }
    }

    /// Membership by root fibres (any dilation pattern) against the stride-one and polyphase criteria wherever
    /// those apply: random small filters, products of random filters (shared, repeated and complex roots) and
    /// products times x.
    @Test func fibreMembershipAgreesWithTheOtherCriteria() throws {
        var rng = SeededGenerator(seed: 1407)
        let architectures: [([Int], [Int])] = [
            ([2, 2], [1, 1]), ([3, 2, 2], [1, 1, 1]), ([3, 3], [1, 1]), ([2, 3, 2], [1, 1, 1]),
            ([2, 2], [2, 1]), ([3, 2], [2, 1]), ([3, 3], [2, 1]), ([4, 2, 2], [2, 1, 1]), ([3, 3], [3, 1]),
        ]
        for (sizes, strides) in architectures {
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: strides)
            for trial in 0..<testIterations(24) {
                var u: [Rational]
                if trial % 3 == 0 {
                    u = (0..<net.filterSize).map { _ in Rational(Int.random(in: -3...3, using: &rng)) }
                } else {
                    let filters = sizes.map { k in (0..<k).map { _ in Rational(Int.random(in: -2...2, using: &rng)) } }
                    u = net.endToEnd(filters)
                    if trial % 3 == 2, u.last?.isZero == true { u = [0] + u.dropLast() }
                }
                let p = LinearConvolutionalNetwork.integerPolynomial(u)
                guard !p.isZero else { continue }
                #expect(net.containsByFibres(p) == (try net.contains(u)), "k=\(sizes) s=\(strides) u=\(u)")
            }
        }
    }

    /// Networks whose every filter is at most its stride (k_i ≤ s_i before the last layer): the coefficient
    /// u_{i_1 + S_2 i_2 + S_3 i_3 + …} is w_{1,i_1}·w_{2,i_2}·w_{3,i_3}⋯ (other coefficients zero), so u is a member
    /// exactly when that tensor has rank ≤ 1, i.e. every flattening has rank ≤ 1 (the second method, over ℚ).
    @Test func doublyDilatedMembershipAgreesWithRankOneTensors() throws {
        var rng = SeededGenerator(seed: 1408)
        for (sizes, strides) in [
            ([2, 2, 2], [2, 2, 1]), ([2, 3, 2], [2, 3, 1]), ([3, 2, 2], [3, 2, 1]),
            ([2, 2, 2, 2], [2, 2, 2, 1]), ([2, 2, 3], [3, 2, 1]),
        ] {
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: strides)
            let dilations = net.dilations
            for trial in 0..<testIterations(30) {
                var u = [Rational](repeating: 0, count: net.filterSize)
                if trial % 2 == 0 {
                    let filters = sizes.map { k in (0..<k).map { _ in Rational(Int.random(in: -3...3, using: &rng)) } }
                    u = net.endToEnd(filters)
                } else {
                    for i in u.indices { u[i] = Rational(Int.random(in: -1...1, using: &rng)) }
                }
                // the tensor T[i_1, …, i_L] = u at Σ i_l S_l; entries outside its support must vanish
                var tuples: [[Int]] = [[]]
                for k in sizes { tuples = tuples.flatMap { t in (0..<k).map { t + [$0] } } }
                let position = { (t: [Int]) in zip(t, dilations).reduce(0) { $0 + $1.0 * $1.1 } }
                let support = Set(tuples.map(position))
                var rankOne = u.indices.allSatisfy { support.contains($0) || u[$0].isZero }
                for mode in sizes.indices where rankOne {
                    // flattening: rows i_mode, columns the other indices; rank ≤ 1 iff every 2×2 minor vanishes
                    for a in tuples {
                        for b in tuples where a[mode] < b[mode] {
                            var c = a
                            var d = b
                            c[mode] = b[mode]
                            d[mode] = a[mode]
                            if u[position(a)] * u[position(b)] != u[position(c)] * u[position(d)] { rankOne = false }
                        }
                    }
                }
                #expect(try net.contains(u) == rankOne, "k=\(sizes) s=\(strides) u=\(u)")
            }
        }
    }

    /// Dilated factors whose own factors are dilated again, with filters longer than their strides: products of
    /// random filters (complex roots included) are members; random integer filters are not (the function space
    /// has dimension below k, so it holds no random point); hand-checked cases.
    @Test func doublyDilatedMembershipOfProductsAndRandomFilters() throws {
        var rng = SeededGenerator(seed: 1409)
        for (sizes, strides) in [
            ([3, 2, 2], [2, 2, 1]), ([3, 2, 3], [2, 2, 1]), ([2, 3, 3], [1, 2, 1]),
            ([3, 3, 2], [2, 3, 1]),
        ] {
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: strides)
            #expect(net.dimensionBound < net.filterSize)
            for _ in 0..<testIterations(10) {
                let filters = sizes.map { k in (0..<k).map { _ in Rational(Int.random(in: -4...4, using: &rng)) } }
                #expect(try net.contains(net.endToEnd(filters)) == true, "k=\(sizes) s=\(strides) \(filters)")
                let random = (0..<net.filterSize).map { _ in Rational(Int.random(in: -50...50, using: &rng)) }
                #expect(try net.contains(random) == false, "k=\(sizes) s=\(strides) u=\(random)")
            }
        }
        let net = try LinearConvolutionalNetwork(filterSizes: [3, 2, 2], strides: [2, 2, 1])
        // x⁸ + 1: its full fibres (over ±i for S = 4, over the fourth roots of −1 for S = 2) are all non-real
        #expect(try net.contains([1, 0, 0, 0, 0, 0, 0, 0, 1]) == false)
        // (x² + x + 1)(x² + 3)(x⁴ − 2) = w_1(x)·w_2(x²)·w_3(x⁴)
        let u = net.endToEnd([[1, 1, 1], [3, 1], [-2, 1]])
        #expect(try net.contains(u) == true)
        // (x⁴ − 2)(x⁴ + 3) = (x² + √2)·w_2(x²)·w_3(x⁴) with w_2 = y − √2, w_3 = y + 3: a member, irrational filters
        #expect(try net.contains([-6, 0, 0, 0, 1, 0, 0, 0, 1]) == true)
        // (x⁴ + 1)(x⁴ + 3): the real 4-fibre over −3 or −1 leaves four non-real roots whose squares are non-real
        #expect(try net.contains([3, 0, 0, 0, 4, 0, 0, 0, 1]) == false)
        // ∏_{a=1}^{40} (x⁴ − a), k = (3, 30, 30): 29 fibres x⁴ = a for layer 3, the other 11 split into 22 real
        // fibres x² = ±√a for layer 2 — a member; times x⁵ − x − 1 (irreducible, roots in no fibre) it needs 163
        // roots covered where the fibres hold 160: not a member
        var quartics: [Rational] = [1]
        for a in 1...40 {
            quartics = LinearConvolutionalNetwork.multiply(quartics, [Rational(-a), 0, 0, 0, 1], dilation: 1)
        }
        let wide = try LinearConvolutionalNetwork(filterSizes: [3, 30, 30], strides: [2, 2, 1])
        #expect(try wide.contains(quartics) == true)
        let quintic = LinearConvolutionalNetwork.multiply(quartics, [-1, -1, 0, 0, 0, 1], dilation: 1)
        #expect(try wide.contains(quintic) == false)
    }

    /// Interior or boundary against sampling: 300 random perturbations of size 10⁻⁴ of a member u; interior when
    /// all are members, boundary when one is not. Members built from filters with small integer roots, shared
    /// roots drawn often.
    @Test func positionAgreesWithSampling() throws {
        var rng = SeededGenerator(seed: 1403)
        var seen: Set<String> = []
        for sizes in [[2, 2], [2, 2, 2], [4, 2], [3, 2, 2], [3, 3]] {
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: sizes.map { _ in 1 })
            for _ in 0..<testIterations(8) {
                let roots = (0..<3).map { _ in Rational(Int.random(in: -2...2, using: &rng)) }
                let filters = sizes.map { k -> [Rational] in
                    // ∏ (x − a) over k − 1 roots from a small pool (repeats give shared and double roots), or x² + 1
                    if k == 3 && Bool.random(using: &rng) { return [1, 0, 1] }
                    return (0..<(k - 1)).reduce([Rational(1)]) { w, _ in
                        let a = roots.randomElement(using: &rng) ?? 0
                        return LinearConvolutionalNetwork.multiply(w, [Rational(0) - a, 1], dilation: 1)
                    }
                }
                let u = net.endToEnd(filters)
                let position = try #require(try net.position(of: u))
                var allMembers = true
                for _ in 0..<300 {
                    let v = u.map { $0 + Rational(Int.random(in: -9...9, using: &rng), 100_000) }
                    if try net.contains(v) != true {
                        allMembers = false
                        break
                    }
                }
                #expect((position == .interior) == allMembers, "k=\(sizes) u=\(u): \(position)")
                seen.insert(position.rawValue)
            }
        }
        #expect(seen == ["interior", "boundary"])
        let net = try LinearConvolutionalNetwork(filterSizes: [2, 2], strides: [1, 1])
        #expect(try net.position(of: [1, -2, 1]) == .boundary && net.position(of: [2, -3, 1]) == .interior)
        #expect(net.sharesRoots([[-1, 1], [-1, 1]]) && !net.sharesRoots([[-1, 1], [-2, 1]]))
        #expect(
            LinearConvolutionalNetwork.hasRepeatedRoot([1, -2, 1])
                && !LinearConvolutionalNetwork.hasRepeatedRoot([2, -3, 1]))
    }

    @Test func badArchitecturesAreRefused() {
        #expect(throws: GeometryError.self) { try LinearConvolutionalNetwork(filterSizes: [0, 2], strides: [1, 1]) }
        #expect(throws: GeometryError.self) { try LinearConvolutionalNetwork(filterSizes: [2], strides: [0]) }
        #expect(throws: GeometryError.self) { try LinearConvolutionalNetwork(filterSizes: [], strides: []) }
        #expect(throws: GeometryError.self) {
            try LinearConvolutionalNetwork(filterSizes: [1000, 1000, 1000], strides: [1000, 1000, 1])
        }
    }
}
