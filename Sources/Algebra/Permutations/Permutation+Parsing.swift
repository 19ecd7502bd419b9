extension Permutation {
    /// Parses cycle notation such as `(1 3 4)(2 5)` or `(1,3,4)(2,5)`; `()` is the identity.
    /// n is `degree` when given, else the largest point written.
    /// - Throws: `PermutationError` for repeated points, points < 1 or > n, non-numeric text,
    ///   unbalanced parentheses, or an n smaller than a written point.
    public init(cycles text: String, degree: Int? = nil) throws {
        guard !text.allSatisfy(\.isWhitespace) else { throw PermutationError.empty }
        var cycles: [[Int]] = []
        var current: [Int]? = nil
        var token = ""
        func flush() throws {
            guard !token.isEmpty else { return }
            guard let v = Int(token) else { throw PermutationError.notANumber(token) }
            guard v >= 1 else { throw PermutationError.nonPositivePoint(v) }
            current?.append(v)
            token = ""
        }
        // Whitespace also separates points, so scan the original text.
        for ch in text {
            switch ch {
            case "(":
                guard current == nil else { throw PermutationError.unbalancedParentheses(text) }
                current = []
            case ")":
                guard current != nil else { throw PermutationError.unbalancedParentheses(text) }
                try flush()
                cycles.append(current ?? [])
                current = nil
            case ",", " ", "\t":
                guard current != nil else {
                    if ch == "," { throw PermutationError.unexpectedCharacter(ch, in: text) }
                    continue
                }
                try flush()
            case "-", "0"..."9":
                guard current != nil else { throw PermutationError.unexpectedCharacter(ch, in: text) }
                token.append(ch)
            default:
                if current == nil { throw PermutationError.unexpectedCharacter(ch, in: text) }
                token.append(ch)  // reported as not a number by flush()
            }
        }
        guard current == nil else { throw PermutationError.unbalancedParentheses(text) }
        let largest = cycles.flatMap { $0 }.max() ?? 0
        let n = degree ?? largest
        guard n >= 0 else { throw PermutationError.invalidSize("n must be non-negative, got \(n)") }
        guard n >= largest else { throw PermutationError.degreeTooSmall(given: n, needed: largest) }
        try Permutation.requireMemory(degree: n)
        var images = (0..<n).map { $0 + 1 }
        var seen = Set<Int>()
        for cycle in cycles {
            for p in cycle {
                guard seen.insert(p).inserted else { throw PermutationError.repeatedPoint(p) }
            }
            for (s, p) in cycle.enumerated() { images[p - 1] = cycle[(s + 1) % cycle.count] }
        }
        try self.init(images: images)
    }

    /// Parses one-line notation `[3,5,4,1,2]` (σ(1) = 3, …); n is the number of entries, or `degree`
    /// when given (extra points fixed).
    /// - Throws: `PermutationError` when the entries are not a permutation of 1…n.
    public init(oneLine text: String, degree: Int? = nil) throws {
        let t = text.filter { !$0.isWhitespace }
        guard t.first == "[", t.last == "]", t.count >= 2 else {
            throw PermutationError.notAPermutation("one-line notation is written [a1,a2,...], got '\(text)'")
        }
        let body = t.dropFirst().dropLast()
        let parts = body.isEmpty ? [] : body.split(separator: ",", omittingEmptySubsequences: false)
        let images = try parts.map { s -> Int in
            guard let v = Int(s) else { throw PermutationError.notANumber(String(s)) }
            return v
        }
        let p = try Permutation(images: images)
        self = try degree.map { try p.extended(to: $0) } ?? p
    }

    /// Parses either notation: text starting with `[` is one-line, anything else cycle notation.
    public init(parsing text: String, degree: Int? = nil) throws {
        let t = text.drop { $0.isWhitespace }
        if t.first == "[" {
            try self.init(oneLine: text, degree: degree)
        } else {
            try self.init(cycles: text, degree: degree)
        }
    }
}
