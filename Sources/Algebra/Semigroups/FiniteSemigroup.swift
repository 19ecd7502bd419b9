/// A finite semigroup T = {0, …, n − 1} given by its Cayley table, product(a, b) = ab, checked associative
/// (MATH.md §9.5). Its right ideals S (ST ⊆ S) carry the semigroup convolutions.
///
///     ℤ₆ under multiplication: S = {0, 2, 4} is a right ideal (2·3 = 0, 4·5 = 2); {1} is not (1·2 = 2)
public struct FiniteSemigroup: Sendable, Equatable {
    /// Why a table or a subset was refused; the description is one line.
    public struct Refusal: Error, CustomStringConvertible, Equatable, Sendable {
        public let description: String
    }

    /// The largest order accepted: the associativity check reads n³ products and the convolutions' exact
    /// commutant solves |S|² unknowns.
    public static let largestOrder = 64

    /// The table, row-major: table[a·n + b] = ab.
    public let table: [Int]
    /// n = |T|.
    public let order: Int

    /// - Throws: `Refusal` unless the table is n×n (1 ≤ n ≤ `largestOrder`) with entries in 0…n − 1 and
    ///   associative; the message names the first triple (a, b, c) with (ab)c ≠ a(bc).
    public init(table rows: [[Int]]) throws {
        let n = rows.count
        guard (1...Self.largestOrder).contains(n) else {
            throw Refusal(description: "a semigroup table has 1…\(Self.largestOrder) rows, got \(n)")
        }
        for (a, row) in rows.enumerated() {
            guard row.count == n else {
                throw Refusal(description: "row \(a) of the table has \(row.count) entries, not \(n)")
            }
            if let bad = row.first(where: { !(0..<n).contains($0) }) {
                throw Refusal(description: "row \(a) holds \(bad); the elements are 0…\(n - 1)")
            }
        }
        let table = rows.flatMap { $0 }
        for a in 0..<n {
            for b in 0..<n {
                let ab = table[a * n + b]
                for c in 0..<n where table[ab * n + c] != table[a * n + table[b * n + c]] {
                    throw Refusal(
                        description: "the table is not associative: (\(a)·\(b))·\(c) = \(table[ab * n + c]) but "
                            + "\(a)·(\(b)·\(c)) = \(table[a * n + table[b * n + c]])")
                }
            }
        }
        self.table = table
        order = n
    }

    /// ℤ_n under multiplication modulo n.
    public static func multiplicative(modulo n: Int) throws -> FiniteSemigroup {
        guard (1...largestOrder).contains(n) else {
            throw Refusal(description: "ℤ_n under multiplication takes n in 1…\(largestOrder), got \(n)")
        }
        return try FiniteSemigroup(table: (0..<n).map { a in (0..<n).map { a * $0 % n } })
    }

    /// ab.
    public func product(_ a: Int, _ b: Int) -> Int { table[a * order + b] }

    /// Checks that S is a right ideal: distinct elements of T with st ∈ S for every s ∈ S and t ∈ T.
    /// - Throws: `Refusal` naming an element out of range, a repeated one, or a product st outside S.
    public func requireRightIdeal(_ s: [Int]) throws {
        guard !s.isEmpty else { throw Refusal(description: "a right ideal has at least one element") }
        var member = [Bool](repeating: false, count: order)
        for x in s {
            guard (0..<order).contains(x) else {
                throw Refusal(description: "\(x) is not an element of T = {0, …, \(order - 1)}")
            }
            guard !member[x] else { throw Refusal(description: "\(x) is listed twice") }
            member[x] = true
        }
        for x in s {
            for t in 0..<order where !member[product(x, t)] {
                throw Refusal(description: "S is not a right ideal: \(x)·\(t) = \(product(x, t)) is not in S")
            }
        }
    }
}
