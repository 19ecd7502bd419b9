/// A component's tuple as written, before it meets the blocks (MATH.md §4.3, §8.3): positional (`13,10,9,…`,
/// optionally in parentheses) in the blocks' canonical order, or keyed by block label (`1/1=13,28/27=10` for one
/// permutation, `R1.1=2,H4.1=1` for a group; missing blocks are 0, any order). Parsing checks the syntax;
/// `resolve(labels:)` checks the blocks and the length.
public struct TupleNotation: Sendable, Hashable {
    /// One keyed entry, `label=value`.
    struct Entry: Sendable, Hashable {
        let label: String
        let value: Int
    }

    enum Form: Sendable, Hashable {
        case positional([Int])
        case keyed([Entry])
    }
    let form: Form

    /// - Throws: `GeometryError.malformedTuple` naming the malformed entry or a block given twice.
    public init(parsing text: String) throws {
        let t = text.filter { !$0.isWhitespace }
        let body = t.hasPrefix("(") && t.hasSuffix(")") && t.count >= 2 ? String(t.dropFirst().dropLast()) : t
        guard !body.isEmpty else { throw GeometryError.malformedTuple("empty tuple") }
        let items = body.split(separator: ",", omittingEmptySubsequences: false)
        if body.contains("=") {
            var pairs: [Entry] = []
            var seen = Set<String>()
            for item in items {
                let kv = item.split(separator: "=", omittingEmptySubsequences: false)
                guard kv.count == 2 else { throw GeometryError.malformedTuple("'\(item)' is not BLOCK=t") }
                guard let v = Int(kv[1]) else { throw GeometryError.malformedTuple("'\(kv[1])' is not an integer") }
                guard seen.insert(String(kv[0])).inserted else {
                    throw GeometryError.malformedTuple("block \(kv[0]) is given twice")
                }
                pairs.append(Entry(label: String(kv[0]), value: v))
            }
            form = .keyed(pairs)
        } else {
            form = .positional(
                try items.map { s -> Int in
                    guard let v = Int(s) else { throw GeometryError.malformedTuple("'\(s)' is not an integer") }
                    return v
                })
        }
    }

    /// The tuple in the blocks' order (keyed entries placed by label, missing blocks 0).
    /// - Throws: `GeometryError.unknownBlock` or `GeometryError.tupleLength`. Ranges and maximality are checked by
    ///   `EquivariantVariety.validateComponent`.
    public func resolve(labels: [String]) throws -> [Int] {
        switch form {
        case .positional(let values):
            guard values.count == labels.count else {
                throw GeometryError.tupleLength(given: values.count, blocks: labels.count)
            }
            return values
        case .keyed(let pairs):
            let position = Dictionary(
                labels.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            var tuple = [Int](repeating: 0, count: labels.count)
            for entry in pairs {
                guard let i = position[entry.label] else { throw GeometryError.unknownBlock(entry.label) }
                tuple[i] = entry.value
            }
            return tuple
        }
    }
}
