extension BlockStructure {
    /// Parses a tuple written positionally in canonical block order (`13,10,9,…`, one entry per
    /// block) or keyed by block (`1/1=13,28/27=10`, missing blocks 0; MATH.md §4.1).
    /// - Throws: `GeometryError` for non-numbers, unknown or repeated blocks, or a wrong length.
    ///   Ranges and maximality are checked by `EquivariantVariety.validateComponent`.
    public func parseTuple(_ text: String) throws -> [Int] {
        try Geometry.parseTuple(text, labels: blocks.map(\.label))
    }

    /// The tuple written positionally, `13,10,9,…`.
    public func format(_ tuple: [Int]) -> String { tuple.map(String.init).joined(separator: ",") }
}
