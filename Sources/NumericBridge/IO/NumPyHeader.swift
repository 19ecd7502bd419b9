import Algebra

/// The header of a `.npy` file: a Python dict literal such as
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`, read whatever its spacing or quotes.
struct NumPyHeader {
    let descr: String
    let fortranOrder: Bool
    let shape: [Int]

    /// Parses the dict; every problem is named in the error.
    /// - Throws: `NumericError.invalidInput`.
    init(_ text: String, name: String) throws {
        let fields = try Self.fields(text, name: name)
        guard let descr = fields["descr"], descr.count >= 2, descr.first == "'" || descr.first == "\"" else {
            throw NumericError.invalidInput("\(name): the .npy header has no dtype ('descr')")
        }
        self.descr = String(descr.dropFirst().dropLast())
        switch fields["fortran_order"] {
        case "False": fortranOrder = false
        case "True": fortranOrder = true
        default: throw NumericError.invalidInput("\(name): the .npy header's 'fortran_order' is not True or False")
        }
        guard let shapeText = fields["shape"], shapeText.first == "(", shapeText.last == ")" else {
            throw NumericError.invalidInput("\(name): the .npy header has no shape tuple")
        }
        let dims = shapeText.dropFirst().dropLast().split(separator: ",").map { $0.filter { !$0.isWhitespace } }
            .filter { !$0.isEmpty }
        shape = try dims.map { d -> Int in
            guard let v = Int(d), v >= 0 else {
                throw NumericError.invalidInput("\(name): bad dimension '\(d)' in the .npy shape")
            }
            return v
        }
    }

    /// The number of elements, refused when it overflows.
    func elementCount(name: String) throws -> Int {
        let count = ByteCount.product(shape.isEmpty ? [1] : shape)
        guard count < Int.max / 8 else {
            throw NumericError.invalidInput("\(name): the .npy shape \(shape) has too many elements")
        }
        return count
    }

    /// key → value text (quotes kept on strings, parentheses on tuples) of a flat dict literal.
    private static func fields(_ text: String, name: String) throws -> [String: String] {
        var body = Substring(text.trimmingWhitespace())
        guard body.first == "{", body.last == "}" else {
            throw NumericError.invalidInput("\(name): the .npy header is not a dict literal")
        }
        body = body.dropFirst().dropLast()
        var result: [String: String] = [:]
        var rest = body
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard let quote = rest.first else { break }
            guard quote == "'" || quote == "\"", let close = rest.dropFirst().firstIndex(of: quote) else {
                throw NumericError.invalidInput("\(name): malformed key in the .npy header")
            }
            let key = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...].drop(while: \.isWhitespace)
            guard rest.first == ":" else {
                throw NumericError.invalidInput("\(name): malformed .npy header at '\(key)'")
            }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            let end: Substring.Index
            switch rest.first {
            case "'", "\"":
                let q = rest[rest.startIndex]
                guard let c = rest.dropFirst().firstIndex(of: q) else {
                    throw NumericError.invalidInput("\(name): unterminated string in the .npy header")
                }
                end = rest.index(after: c)
            case "(":
                guard let c = rest.firstIndex(of: ")") else {
                    throw NumericError.invalidInput("\(name): unterminated shape in the .npy header")
                }
                end = rest.index(after: c)
            default:
                end = rest.firstIndex { $0 == "," || $0.isWhitespace } ?? rest.endIndex
            }
            result[key] = String(rest[rest.startIndex..<end])
            rest = rest[end...]
        }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
