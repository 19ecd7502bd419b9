/// The cycle type of a permutation: a multiset of cycle lengths with sum n, fixed points included.
/// Written `28^28` (28 cycles of length 28), `12,8,6,6,5,1`, or mixed `28^27,1`.
/// Stored compactly as (length, count) pairs, so n may be far larger than any array.
public struct CycleType: Sendable, Hashable {
    /// (length, number of cycles of that length), by decreasing length.
    public let parts: [(length: Int, count: Int)]
    /// n = Σ length·count.
    public let degree: Int

    /// The cycle type with the given cycle lengths (each ≥ 1).
    /// - Precondition: every length ≥ 1 (the type of an actual permutation).
    public init(lengths: [Int]) {
        var counts: [Int: Int] = [:]
        for l in lengths {
            precondition(l >= 1)
            counts[l, default: 0] += 1
        }
        parts = counts.sorted { $0.key > $1.key }.map { (length: $0.key, count: $0.value) }
        degree = lengths.reduce(0, +)
    }

    /// The largest n a cycle type may have, 2^31 − 1, so that n², 2n² and every dimension and
    /// parameter count fit in `Int`.
    public static let maximumDegree = (1 << 31) - 1

    /// Parses `28^28`, `12,8,6,6,5,1` or `28^27,1`.
    /// - Throws: `PermutationError.invalidCycleType` naming the bad part, or `.tooLarge` when n > 2^31.
    public init(parsing text: String) throws {
        let t = text.filter { !$0.isWhitespace }
        guard !t.isEmpty else { throw PermutationError.invalidCycleType("empty; write e.g. 28^28 or 12,8,6,6,5,1") }
        var pairs: [(length: Int, count: Int)] = []
        for part in t.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "^", omittingEmptySubsequences: false)
            guard pieces.count == 1 || pieces.count == 2,
                let length = Int(pieces[0]), let count = pieces.count == 2 ? Int(pieces[1]) : 1
            else {
                throw PermutationError.invalidCycleType("'\(part)' is not LENGTH or LENGTH^COUNT")
            }
            guard length >= 1 else {
                throw PermutationError.invalidCycleType("cycle length \(length) must be at least 1")
            }
            guard count >= 1 else { throw PermutationError.invalidCycleType("cycle count \(count) must be at least 1") }
            pairs.append((length, count))
        }
        do {
            try self.init(counts: pairs)
        } catch {
            throw PermutationError.tooLarge("cycle type \(text) has more than 2^31 − 1 points")
        }
    }

    /// The cycle type with `count` cycles of each `length` (pairs with count 0 are dropped).
    /// - Throws: `.tooLarge` when n exceeds `maximumDegree`.
    public init(counts pairs: [(length: Int, count: Int)]) throws {
        var counts: [Int: Int] = [:]
        var n = 0
        for (length, count) in pairs where count > 0 {
            precondition(length >= 1)
            let (p, o1) = length.multipliedReportingOverflow(by: count)
            let (s, o2) = n.addingReportingOverflow(p)
            guard !o1, !o2, s <= CycleType.maximumDegree else {
                throw PermutationError.tooLarge("more than 2^31 − 1 points")
            }
            n = s
            counts[length, default: 0] += count
        }
        parts = counts.sorted { $0.key > $1.key }.map { (length: $0.key, count: $0.value) }
        degree = n
    }

    /// Number of cycles, fixed points included.
    public var cycleCount: Int { parts.reduce(0) { $0 + $1.count } }

    /// A permutation of this type: consecutive points form the cycles, longest first.
    /// - Throws: `.tooLarge` when n does not fit in memory as an array of images.
    public func representative() throws -> Permutation {
        guard degree < Int(Int32.max) else { throw PermutationError.tooLarge("\(degree) points") }
        var s = [Int32](repeating: 0, count: degree)
        var start = 0
        for (length, count) in parts {
            for _ in 0..<count {
                for k in 0..<length { s[start + k] = Int32(start + (k + 1) % length) }
                start += length
            }
        }
        return Permutation(unchecked: s)
    }

    public static func == (a: Self, b: Self) -> Bool { a.parts.elementsEqual(b.parts) { $0 == $1 } }
    public func hash(into hasher: inout Hasher) {
        for p in parts {
            hasher.combine(p.length)
            hasher.combine(p.count)
        }
    }
}

extension CycleType: CustomStringConvertible {
    /// `28^28`, `12,8,6^2,5,1`.
    public var description: String {
        parts.map { $0.count == 1 ? "\($0.length)" : "\($0.length)^\($0.count)" }.joined(separator: ",")
    }
}
