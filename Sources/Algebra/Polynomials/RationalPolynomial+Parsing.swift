extension RationalPolynomial {
    /// Why a polynomial text could not be read; the description is the one line a user sees.
    public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        public let description: String
    }

    /// Parses a sum of terms in one variable, each an optional rational coefficient, `*`, a power of the
    /// variable and an optional `/q`: `x^2 - 3`, `-a/2`, `1/2 + 3*a^2/4`, `2a`.
    /// - Throws: `ParseError` naming the term that is not of that form.
    public init(parsing text: String, variable: Character) throws {
        let compact = text.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { throw ParseError(description: "empty polynomial") }
        var terms: [String] = []
        var current = ""
        for ch in compact {
            if (ch == "+" || ch == "-") && !current.isEmpty && current.last != "^" {
                terms.append(current)
                current = ""
            }
            current.append(ch)
        }
        terms.append(current)
        var coefficients: [Rational] = []
        for term in terms {
            let (value, power) = try Self.term(term, variable: variable)
            while coefficients.count <= power { coefficients.append(Rational(0)) }
            coefficients[power] += value
        }
        self.init(coefficients: coefficients)
    }

    /// One term: sign, coefficient, variable power, divisor.
    static func term(_ raw: String, variable: Character) throws -> (Rational, Int) {
        let bad = ParseError(description: "'\(raw)' is not a term like 3, -1/2, a, 2*a^3 or -a/2")
        var text = Substring(raw)
        var sign = Rational(1)
        if text.first == "+" || text.first == "-" {
            if text.first == "-" { sign = Rational(-1) }
            text = text.dropFirst()
        }
        var divisor = Rational(1)
        if let slash = text.lastIndex(of: "/"), text[text.index(after: slash)...].allSatisfy(\.isNumber),
            text.contains(variable)
        {
            guard let q = Rational(String(text[text.index(after: slash)...])), !q.isZero else { throw bad }
            divisor = q
            text = text[..<slash]
        }
        guard let at = text.firstIndex(of: variable) else {
            guard let q = Rational(String(text)) else { throw bad }
            return (sign * q / divisor, 0)
        }
        var head = text[..<at]
        if head.hasSuffix("*") { head = head.dropLast() }
        let coefficient = head.isEmpty ? Rational(1) : Rational(String(head))
        var power = 1
        let tail = text[text.index(after: at)...]
        if !tail.isEmpty {
            guard tail.first == "^", let p = Int(tail.dropFirst()), (0...64).contains(p) else { throw bad }
            power = p
        }
        guard let coefficient else { throw bad }
        return (sign * coefficient / divisor, power)
    }
}
