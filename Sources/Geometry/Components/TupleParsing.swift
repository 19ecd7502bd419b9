/// Parses a component's tuple: positional (`13,10,9,…`, optionally in parentheses) in the blocks' order,
/// or keyed by block label (`1/1=13,28/27=10` for one permutation, `R1.1=2,H4.1=1` for a group; missing
/// blocks are 0, any order).
/// - Throws: `GeometryError` naming the malformed entry, an unknown block or a wrong length.
func parseTuple(_ text: String, labels: [String]) throws -> [Int] {
    let t = text.filter { !$0.isWhitespace }
    let body = t.hasPrefix("(") && t.hasSuffix(")") && t.count >= 2 ? String(t.dropFirst().dropLast()) : t
    guard !body.isEmpty else { throw GeometryError.malformedTuple("empty tuple") }
    let items = body.split(separator: ",", omittingEmptySubsequences: false)
    if body.contains("=") {
        let position = Dictionary(labels.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var tuple = [Int](repeating: 0, count: labels.count)
        var seen = Set<Int>()
        for item in items {
            let kv = item.split(separator: "=", omittingEmptySubsequences: false)
            guard kv.count == 2 else { throw GeometryError.malformedTuple("'\(item)' is not BLOCK=t") }
            guard let v = Int(kv[1]) else { throw GeometryError.malformedTuple("'\(kv[1])' is not an integer") }
            guard let i = position[String(kv[0])] else { throw GeometryError.unknownBlock(String(kv[0])) }
            guard seen.insert(i).inserted else { throw GeometryError.malformedTuple("block \(kv[0]) is given twice") }
            tuple[i] = v
        }
        return tuple
    }
    let values = try items.map { s -> Int in
        guard let v = Int(s) else { throw GeometryError.malformedTuple("'\(s)' is not an integer") }
        return v
    }
    guard values.count == labels.count else {
        throw GeometryError.tupleLength(given: values.count, blocks: labels.count)
    }
    return values
}
