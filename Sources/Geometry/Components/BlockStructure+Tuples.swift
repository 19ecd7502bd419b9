extension BlockStructure {
    /// Parses a tuple written positionally in canonical block order (`13,10,9,…`, one entry per
    /// block) or keyed by block (`1/1=13,28/27=10`, missing blocks 0; MATH.md §4.1).
    /// - Throws: `GeometryError` for non-numbers, unknown or repeated blocks, or a wrong length.
    ///   Ranges and maximality are checked by `EquivariantVariety.validateComponent`.
    public func parseTuple(_ text: String) throws -> [Int] {
        let t = text.filter { !$0.isWhitespace }
        let body = t.hasPrefix("(") && t.hasSuffix(")") && t.count >= 2 ? String(t.dropFirst().dropLast()) : t
        guard !body.isEmpty else { throw GeometryError.malformedTuple("empty tuple") }
        let items = body.split(separator: ",", omittingEmptySubsequences: false)
        if body.contains("=") {
            var tuple = [Int](repeating: 0, count: blocks.count)
            var seen = Set<Int>()
            for item in items {
                let kv = item.split(separator: "=", omittingEmptySubsequences: false)
                guard kv.count == 2 else { throw GeometryError.malformedTuple("'\(item)' is not l/m=t") }
                let lm = kv[0].split(separator: "/", omittingEmptySubsequences: false)
                guard lm.count == 2, let l = Int(lm[0]), let m = Int(lm[1]) else {
                    throw GeometryError.malformedTuple("'\(kv[0])' is not a block l/m")
                }
                guard let v = Int(kv[1]) else { throw GeometryError.malformedTuple("'\(kv[1])' is not an integer") }
                guard let i = index(l: l, m: m) else { throw GeometryError.unknownBlock("\(l)/\(m)") }
                guard seen.insert(i).inserted else {
                    throw GeometryError.malformedTuple("block \(l)/\(m) is given twice")
                }
                tuple[i] = v
            }
            return tuple
        }
        let values = try items.map { s -> Int in
            guard let v = Int(s) else { throw GeometryError.malformedTuple("'\(s)' is not an integer") }
            return v
        }
        guard values.count == blocks.count else {
            throw GeometryError.tupleLength(given: values.count, blocks: blocks.count)
        }
        return values
    }

    /// The tuple written positionally, `13,10,9,…`.
    public func format(_ tuple: [Int]) -> String { tuple.map(String.init).joined(separator: ",") }
}
