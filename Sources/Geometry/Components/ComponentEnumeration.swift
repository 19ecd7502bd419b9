import Algebra

/// The irreducible components of E^σ_r in eqgeom's documented order: first the components with a
/// rank-r matrix (weight r) in lexicographic order of their tuples (canonical block order), then the
/// components without one (weight r − 1, real blocks saturated), also lexicographic. Index 0 is the
/// first. Iteration is lazy and needs no big numbers; ranking, unranking and sampling use a table of
/// big-integer suffix counts, built once (see `ComponentIndex`).
public struct ComponentSequence: Sequence, Sendable {
    let spaces: [WeightedTupleSpace]
    let start: (tuple: [Int], space: Int)?

    /// All components of the variety, from the first in the documented order.
    public init(_ variety: EquivariantVariety) {
        spaces = variety.componentSpaces
        start = nil
    }

    init(spaces: [WeightedTupleSpace], start: (tuple: [Int], space: Int)?) {
        self.spaces = spaces
        self.start = start
    }

    public func makeIterator() -> Iterator { Iterator(spaces: spaces, start: start) }

    /// Lazily yields tuples; O(blocks) per step, advancing one tuple in place (the tuple handed out last is
    /// usually released by then, so no copy is made).
    public struct Iterator: IteratorProtocol {
        let spaces: [WeightedTupleSpace]
        var which = 0
        /// The last tuple handed out (empty before the first or after the end).
        var current: [Int] = []
        var started = false

        init(spaces: [WeightedTupleSpace], start: (tuple: [Int], space: Int)?) {
            self.spaces = spaces
            if let s = start {
                which = s.space
                current = s.tuple
            } else {
                while which < spaces.count {
                    if let first = spaces[which].first() {
                        current = first
                        break
                    }
                    which += 1
                }
            }
        }

        /// The next component's tuple, or nil past the last.
        public mutating func next() -> [Int]? {
            guard which < spaces.count else { return nil }
            if !started {
                started = true
                return current
            }
            if spaces[which].advance(&current) { return current }
            which += 1
            while which < spaces.count {
                if let first = spaces[which].first() {
                    current = first
                    return current
                }
                which += 1
            }
            return nil
        }
    }
}

/// Ranking of the components of E^σ_r: index ↔ tuple with exact big-integer indices, and uniform
/// random sampling. Builds a table of (blocks + 1)·(r + 1) big integers on creation.
public struct ComponentIndex: Sendable {
    let ranked: [RankedTupleSpace]
    let spaces: [WeightedTupleSpace]
    /// Per space its count as a machine word, when every table and the total fit in one (nil otherwise).
    let wordCounts: [Int]?
    /// Checks that a tuple is a component (with the variety's block labels in errors).
    let validate: @Sendable ([Int]) throws -> Void

    /// Largest table (number of big integers) built before refusing.
    public static let maximumTableEntries = 50_000_000

    /// - Throws: `GeometryError.tooLarge` when the table would exceed `maximumTableEntries`.
    public init(_ variety: EquivariantVariety) throws {
        try self.init(
            spaces: variety.componentSpaces, shapes: variety.shapes,
            validate: { [variety] in try variety.validateComponent($0) })
    }

    init(spaces: [WeightedTupleSpace], shapes: BlockShapes, validate: @escaping @Sendable ([Int]) throws -> Void)
        throws
    {
        let entries = spaces.reduce(0) { $0 + $1.tableEntries }
        guard entries <= Self.maximumTableEntries else {
            throw GeometryError.tooLarge(
                "ranking components here needs a table of \(entries) big integers (limit \(Self.maximumTableEntries)); "
                    + "list from the start (offset 0) instead, or use a smaller case"
            )
        }
        try MemoryBudget.require(
            ByteCount.product(entries, shapes.coefficientBytesBound(of: .tuples)),
            for: "ranking components (a table of \(entries) big integers)",
            advice: "list from the start (offset 0) instead, or use a smaller case")
        let ranked = spaces.map(RankedTupleSpace.init)
        self.ranked = ranked
        self.spaces = spaces
        let total = ranked.reduce(BigInteger(0)) { $0 + $1.count }
        let fits = ranked.allSatisfy { $0.words != nil } && Int(exactly: total) != nil && total.signum > 0
        wordCounts = fits ? ranked.compactMap { Int(exactly: $0.count) } : nil
        self.validate = validate
    }

    /// The number of components (equals `componentCount.all`).
    public var count: BigInteger { ranked.reduce(BigInteger(0)) { $0 + $1.count } }

    /// The component at a 0-based index in the documented order.
    /// - Throws: `GeometryError.indexOutOfRange`.
    public func tuple(at index: BigInteger) throws -> [Int] {
        var i = index
        guard i.signum >= 0 else {
            throw GeometryError.indexOutOfRange(index: index.description, count: count.description)
        }
        if let counts = wordCounts, let w = Int(exactly: i) {
            guard w < counts.reduce(0, +) else {
                throw GeometryError.indexOutOfRange(index: index.description, count: count.description)
            }
            return tuple(atWord: w, counts: counts)
        }
        for r in ranked {
            let c = r.count
            if i < c { return r.tuple(at: i) }
            i -= c
        }
        throw GeometryError.indexOutOfRange(index: index.description, count: count.description)
    }

    /// The component at an index below the total, on the machine-word tables.
    /// - Precondition: `wordCounts != nil`, 0 ≤ index < Σ wordCounts.
    private func tuple(atWord index: Int, counts: [Int]) -> [Int] {
        var w = index
        for (r, c) in zip(ranked, counts) {
            if w < c, let table = r.words { return r.tuple(atWord: w, table: table) }
            w -= c
        }
        return []
    }

    /// The 0-based index of component t.
    /// - Throws: `GeometryError` if t is not a component.
    public func index(of t: [Int]) throws -> BigInteger {
        try validate(t)
        var offset = BigInteger(0)
        for r in ranked {
            if r.contains(t) { return offset + r.index(of: t) }
            offset += r.count
        }
        throw GeometryError.malformedTuple("tuple is not a component")  // unreachable after validation
    }

    /// A uniformly random component.
    /// - Precondition: there is at least one component (always true for 0 ≤ r ≤ n).
    public func random<G: RandomNumberGenerator>(using generator: inout G) -> [Int] {
        if let counts = wordCounts {
            // the draws of BigInteger.random(below:) for a one-word bound, without big integers
            let total = counts.reduce(0, +)
            let mask = UInt64.max >> UInt64(total.leadingZeroBitCount)
            while true {
                let x = (generator.next() as UInt64) & mask
                if x < UInt64(total) { return tuple(atWord: Int(x), counts: counts) }
            }
        }
        let i = BigInteger.random(below: count, using: &generator)
        return (try? tuple(at: i)) ?? []
    }

    /// Components from a 0-based offset, lazily (empty past the end).
    public func components(from offset: BigInteger) -> ComponentSequence {
        var i = offset
        for (k, r) in ranked.enumerated() {
            let c = r.count
            if i.signum >= 0 && i < c {
                return ComponentSequence(spaces: spaces, start: (r.tuple(at: i), k))
            }
            i -= c
        }
        return ComponentSequence(spaces: [], start: nil)
    }
}

extension EquivariantVariety {
    /// The tuple spaces whose union is the set of components, in enumeration order (one per slack).
    var componentSpaces: [WeightedTupleSpace] { shapes.componentSpaces(rank: rank) }

    /// All components, lazily, in the documented order.
    public var components: ComponentSequence { ComponentSequence(self) }

    /// Ranking, unranking and uniform sampling of the components (see `ComponentIndex`).
    public func index() throws -> ComponentIndex { try ComponentIndex(self) }
}
