extension Permutation {
    /// Parses a list of permutations as users keep them in files: GAP's list syntax
    /// `[ (1,2,3)(4,5), (1,2) ]` (cycle notation, commas or spaces inside cycles) or JSON, an array of
    /// one-line image arrays `[[2,3,1,4,5], [2,1,3,4,5]]` (1-based). Points a permutation does not move are
    /// fixed; `degree` extends every permutation to n points.
    /// - Throws: `PermutationError` naming the entry that is not a permutation.
    public static func list(parsing text: String, degree: Int? = nil) throws -> [Permutation] {
        // GAP breaks long lines with a backslash before the newline
        let body = trimmed(text.replacingBackslashNewlines())
        guard body.first == "[", body.last == "]" else {
            throw PermutationError.notAPermutation(
                "a generator list is written [ (1,2,3), (1,2) ] (GAP) or [[2,3,1],[2,1,3]] (JSON)")
        }
        let inner = trimmed(String(body.dropFirst().dropLast()))
        if inner.isEmpty { return [] }
        var items: [String] = []
        var depth = 0
        var current = ""
        for ch in inner {
            switch ch {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            default: break
            }
            if ch == "," && depth == 0 {
                items.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        items.append(current)
        // the notations first (small), then the g·n images they need, budgeted before any is built: a short file
        // of transpositions of large points would otherwise ask for g·n·4 bytes
        let notations = try items.map { try PermutationNotation(parsing: trimmed($0)) }
        let n = max(degree ?? 0, notations.map(\.largestPoint).max() ?? 0)
        try MemoryBudget.require(
            ByteCount.product(notations.count, n, 8), for: "\(notations.count) generators on \(n) points",
            advice: "give fewer generators or fewer points")
        return try notations.map { try $0.permutation(degree: degree) }
    }
}

/// The text without leading and trailing white space.
func trimmed(_ s: String) -> String {
    let start = s.firstIndex { !$0.isWhitespace } ?? s.endIndex
    let end = s.lastIndex { !$0.isWhitespace }.map { s.index(after: $0) } ?? start
    return start < end ? String(s[start..<end]) : ""
}

extension String {
    /// The text with every backslash-newline pair removed.
    func replacingBackslashNewlines() -> String {
        var out = ""
        var pendingBackslash = false
        for ch in self {
            if pendingBackslash {
                pendingBackslash = false
                if ch == "\n" { continue }
                out.append("\\")
            }
            if ch == "\\" {
                pendingBackslash = true
            } else {
                out.append(ch)
            }
        }
        if pendingBackslash { out.append("\\") }
        return out
    }
}
