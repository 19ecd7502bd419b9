/// A permutation as written, before its points are laid out: cycle notation `(1 3 4)(2 5)` (or `(1,3,4)(2,5)`,
/// `()` the identity) or one-line notation `[3,5,4,1,2]` (σ(1) = 3, …), both 1-based (MATH.md §1). Parsing
/// checks the syntax and the points and allocates only in proportion to the text; `permutation(degree:)` then
/// builds σ on n points within the memory budget.
public struct PermutationNotation: Sendable, Hashable {
    enum Form: Sendable, Hashable {
        case cycles([[Int]])
        /// One-line notation, checked and built once at parse time.
        case oneLine(Permutation)
    }
    let form: Form

    /// - Throws: `PermutationError` for repeated points, points < 1, non-numeric text, unbalanced parentheses,
    ///   or one-line entries that are not a permutation of 1…n.
    public init(parsing text: String) throws {
        if text.drop(while: \.isWhitespace).first == "[" {
            form = .oneLine(try Self.oneLine(text))
        } else {
            form = .cycles(try Self.cycles(text))
        }
    }

    /// The largest point written (one-line: the number of entries): the least n σ acts on.
    public var largestPoint: Int {
        switch form {
        case .cycles(let cycles): return cycles.lazy.compactMap { $0.max() }.max() ?? 0
        case .oneLine(let p): return p.degree
        }
    }

    /// σ on `degree` points (default: the largest point written), the points not written fixed.
    /// - Throws: `PermutationError.degreeTooSmall` for an n below a written point; `MemoryLimitError`.
    public func permutation(degree: Int? = nil) throws -> Permutation {
        let n = degree ?? largestPoint
        guard n >= 0 else { throw PermutationError.invalidSize("n must be non-negative, got \(n)") }
        guard n >= largestPoint else { throw PermutationError.degreeTooSmall(given: n, needed: largestPoint) }
        try Permutation.requireMemory(degree: n)
        switch form {
        case .oneLine(let p): return try p.extended(to: n)
        case .cycles(let cycles):
            var images = (0..<n).map { $0 + 1 }
            for cycle in cycles {
                for (s, p) in cycle.enumerated() { images[p - 1] = cycle[(s + 1) % cycle.count] }
            }
            return try Permutation(images: images)
        }
    }

    private static func cycles(_ text: String) throws -> [[Int]] {
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
            case let c where c == "," || c.isWhitespace:
                // line breaks too: GAP's PrintTo wraps long generator lists anywhere between points
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
        var seen = Set<Int>()
        for p in cycles.joined() {
            guard seen.insert(p).inserted else { throw PermutationError.repeatedPoint(p) }
        }
        return cycles
    }

    private static func oneLine(_ text: String) throws -> Permutation {
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
        return try Permutation(images: images)
    }
}

extension Permutation {
    /// Parses cycle notation such as `(1 3 4)(2 5)` or `(1,3,4)(2,5)`; `()` is the identity.
    /// n is `degree` when given, else the largest point written.
    /// - Throws: `PermutationError` for repeated points, points < 1 or > n, non-numeric text,
    ///   unbalanced parentheses, or an n smaller than a written point.
    public init(cycles text: String, degree: Int? = nil) throws {
        guard text.drop(while: \.isWhitespace).first != "[" else {
            throw PermutationError.unexpectedCharacter("[", in: text)
        }
        self = try PermutationNotation(parsing: text).permutation(degree: degree)
    }

    /// Parses one-line notation `[3,5,4,1,2]` (σ(1) = 3, …); n is the number of entries, or `degree`
    /// when given (extra points fixed).
    /// - Throws: `PermutationError` when the entries are not a permutation of 1…n.
    public init(oneLine text: String, degree: Int? = nil) throws {
        guard text.drop(while: \.isWhitespace).first == "[" else {
            throw PermutationError.notAPermutation("one-line notation is written [a1,a2,...], got '\(text)'")
        }
        self = try PermutationNotation(parsing: text).permutation(degree: degree)
    }

    /// Parses either notation: text starting with `[` is one-line, anything else cycle notation.
    public init(parsing text: String, degree: Int? = nil) throws {
        self = try PermutationNotation(parsing: text).permutation(degree: degree)
    }
}
