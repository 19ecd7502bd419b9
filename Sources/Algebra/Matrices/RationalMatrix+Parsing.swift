extension RationalMatrix {
    /// Why a matrix text could not be read; the description is the one line a user sees.
    public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        public let description: String
    }

    /// Parses a nested list of rows, `[[0, 1], [-1, 0]]`, whose entries are integers, fractions `p/q` or
    /// exact decimals `0.25` (optionally quoted, as JSON strings), all rows of one length.
    /// - Throws: `ParseError` naming the problem (ragged rows, an entry that is not a number, brackets).
    public init(parsing text: String) throws {
        let rows = try Self.entryTexts(parsing: text).map { try $0.map(Self.entry) }
        guard let matrix = RationalMatrix(rows) else {
            throw ParseError(description: "the rows of the matrix '\(text)' must be non-empty and of one length")
        }
        self = matrix
    }

    /// The entries of `[[e, e], [e, e]]` as text (quotes removed), checked to be rows of one non-zero length.
    /// - Throws: `ParseError` on brackets or ragged rows.
    public static func entryTexts(parsing text: String) throws -> [[String]] {
        let trimmed = text.filter { !$0.isWhitespace }
        guard trimmed.hasPrefix("[["), trimmed.hasSuffix("]]") else {
            throw ParseError(description: "a matrix is written as rows in brackets, [[0,1],[1,0]]; got '\(text)'")
        }
        let body = trimmed.dropFirst(2).dropLast(2)
        var rows: [[String]] = []
        for (k, piece) in body.split(separator: "]", omittingEmptySubsequences: false).enumerated() {
            let rowText = k == 0 ? Substring(piece) : piece.hasPrefix(",[") ? piece.dropFirst(2) : "["
            guard !rowText.contains("["), !rowText.contains("]") else {
                throw ParseError(description: "unbalanced brackets in the matrix '\(text)'")
            }
            rows.append(
                rowText.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != "\"" }) }
            )
        }
        guard let first = rows.first, !first.isEmpty, !first[0].isEmpty, rows.allSatisfy({ $0.count == first.count })
        else {
            throw ParseError(description: "the rows of the matrix '\(text)' must be non-empty and of one length")
        }
        return rows
    }

    /// `p`, `p/q` or a decimal `a.b` (exactly a/10^k).
    static func entry(_ text: String) throws -> Rational {
        if let r = Rational(text) { return r }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].allSatisfy(\.isNumber), !parts[1].isEmpty, parts[1].count <= 40,
            let whole = BigInteger(parts[0].isEmpty || parts[0] == "-" ? parts[0] + "0" : String(parts[0])),
            let fraction = BigInteger(String(parts[1]))
        {
            let scale = BigInteger(10).power(UInt(parts[1].count))
            guard let value = Rational(whole.magnitude * scale + fraction, scale) else { throw notANumber(text) }
            return parts[0].hasPrefix("-") ? -value : value
        }
        throw notANumber(text)
    }

    private static func notANumber(_ text: String) -> ParseError {
        ParseError(description: "'\(text)' is not a rational number (write 3, -1/2 or 0.25)")
    }
}
