import Algebra

/// The irreducible components of E^σ_r in eqgeom's documented order: first the components with a
/// rank-r matrix (weight r) in lexicographic order of their tuples (canonical block order), then the
/// components without one (weight r − 1, real blocks saturated), also lexicographic. Index 0 is the
/// first. Iteration is lazy and needs no big numbers; ranking, unranking and sampling use a table of
/// big-integer suffix counts, built once (see `ComponentIndex`).
public struct ComponentSequence: Sequence, Sendable {
    let spaces: [WeightedTupleSpace]
    let start: (tuple: [Int], space: Int)?

    public init(_ variety: EquivariantVariety) {
        spaces = variety.componentSpaces
        start = nil
    }

    init(spaces: [WeightedTupleSpace], start: (tuple: [Int], space: Int)?) {
        self.spaces = spaces
        self.start = start
    }

    public func makeIterator() -> Iterator { Iterator(spaces: spaces, start: start) }

    /// Lazily yields tuples; O(blocks) per step.
    public struct Iterator: IteratorProtocol {
        let spaces: [WeightedTupleSpace]
        var which = 0
        var current: [Int]? = nil
        var pending: [Int]? = nil

        init(spaces: [WeightedTupleSpace], start: (tuple: [Int], space: Int)?) {
            self.spaces = spaces
            if let s = start {
                which = s.space
                current = s.tuple
                pending = s.tuple
            } else {
                current = spaces.first?.first()
                pending = current
            }
        }

        public mutating func next() -> [Int]? {
            if let p = pending {
                pending = nil
                return p
            }
            while which < spaces.count {
                if var c = current, spaces[which].advance(&c) {
                    current = c
                    return c
                }
                which += 1
                current = which < spaces.count ? spaces[which].first() : nil
                if let c = current { return c }
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
    /// Checks that a tuple is a component (with the variety's block labels in errors).
    let validate: @Sendable ([Int]) throws -> Void

    /// Largest table (number of big integers) built before refusing.
    public static let maximumTableEntries = 50_000_000

    /// - Throws: `GeometryError.tooLarge` when the table would exceed `maximumTableEntries`.
    public init(_ variety: EquivariantVariety) throws {
        try self.init(
            spaces: variety.componentSpaces, shapes: variety.structure.shapes,
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
            ByteCount.product(entries, shapes.coefficientBytesBound),
            for: "ranking components (a table of \(entries) big integers)",
            advice: "list from the start (offset 0) instead, or use a smaller case")
        ranked = spaces.map(RankedTupleSpace.init)
        self.spaces = spaces
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
        for r in ranked {
            let c = r.count
            if i < c { return r.tuple(at: i) }
            i -= c
        }
        throw GeometryError.indexOutOfRange(index: index.description, count: count.description)
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
    var componentSpaces: [WeightedTupleSpace] { structure.shapes.componentSpaces(rank: rank) }

    /// All components, lazily, in the documented order.
    public var components: ComponentSequence { ComponentSequence(self) }
}
