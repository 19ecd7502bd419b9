import Foundation

/// A report as one GAP record (`--gap`), read back by GAP's `EvalString` or `Read`: JSON objects become records
/// `rec( key := value )`, arrays lists, strings GAP strings, except strings of decimal digits (eqgeom's big
/// integers) which become integers; numbers keep their digits (floats always with a decimal point, as GAP's
/// parser needs), true/false stay, null becomes `fail`. Keys that are not GAP identifiers get `_` for each other
/// character.
public enum GAPRecord {
    /// The GAP text of a JSON document.
    /// - Throws: `GAPRecord.Malformed` for text that is not JSON (never for eqgeom's own encoder output).
    public static func text(json: [UInt8]) throws -> String {
        var parser = Parser(bytes: json)
        var out = ""
        try parser.value(into: &out, indent: 0)
        return out
    }

    /// JSON that could not be converted.
    public struct Malformed: Error, CustomStringConvertible {
        /// Where the converter stopped.
        public let offset: Int
        /// The one-line reason.
        public var description: String { "the result could not be written in GAP syntax (byte \(offset))" }
    }

    /// `text` as a GAP string literal.
    static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// A record component name GAP accepts: letters, digits and `_`, not starting with a digit.
    static func identifier(_ key: String) -> String {
        var name = String(
            key.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_"
            })
        if name.first?.isNumber ?? true || keywords.contains(name) { name = "_" + name }
        return name
    }

    /// GAP's reserved words, which cannot name a record component.
    static let keywords: Set<String> = [
        "and", "atomic", "break", "continue", "do", "elif", "else", "end", "false", "fi", "for", "function", "if",
        "in", "local", "mod", "not", "od", "or", "readonly", "readwrite", "rec", "repeat", "return", "then", "true",
        "until", "while", "quit", "QUIT", "IsBound", "Unbind", "TryNextMethod", "Info", "Assert",
    ]

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { throw Malformed(offset: i) }
            i += 1
        }

        mutating func value(into out: inout String, indent: Int) throws {
            skipSpace()
            guard i < bytes.count else { throw Malformed(offset: i) }
            let pad = String(repeating: " ", count: indent + 2)
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(String, String)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                } else {
                    repeat {
                        skipSpace()
                        let key = try string()
                        try expect(UInt8(ascii: ":"))
                        var text = ""
                        try value(into: &text, indent: indent + 2)
                        members.append((GAPRecord.identifier(key), text))
                        skipSpace()
                    } while try more(closing: "}")
                }
                out +=
                    members.isEmpty
                    ? "rec( )" : "rec(\n" + members.map { pad + $0.0 + " := " + $0.1 }.joined(separator: ",\n") + " )"
            case UInt8(ascii: "["):
                i += 1
                var items: [String] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                } else {
                    repeat {
                        var text = ""
                        try value(into: &text, indent: indent + 2)
                        items.append(text)
                        skipSpace()
                    } while try more(closing: "]")
                }
                let flat = "[ " + items.joined(separator: ", ") + " ]"
                out +=
                    items.isEmpty
                    ? "[ ]"
                    : (flat.count <= 100 && !flat.contains("\n")
                        ? flat
                        : "[\n" + items.map { pad + $0 }.joined(separator: ",\n") + " ]")
            case UInt8(ascii: "\""):
                let s = try string()
                let digits = s.drop(while: { $0 == "-" })
                let integer =
                    !digits.isEmpty && s.filter({ $0 == "-" }).count <= 1
                    && (s.first == "-" || s.first?.isNumber == true)
                    && digits.allSatisfy { ("0"..."9").contains($0) }
                out += integer ? s : GAPRecord.stringLiteral(s)
            case UInt8(ascii: "t"): try literal("true", into: &out)
            case UInt8(ascii: "f"): try literal("false", into: &out)
            case UInt8(ascii: "n"):
                try literal("null", into: &out)
                out.removeLast(4)
                out += "fail"
            default: out += try number()
            }
        }

        /// After an item: true at a comma, false at the closing bracket.
        mutating func more(closing: Character) throws -> Bool {
            guard i < bytes.count else { throw Malformed(offset: i) }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                return true
            }
            guard bytes[i] == closing.asciiValue else { throw Malformed(offset: i) }
            i += 1
            return false
        }

        mutating func literal(_ word: String, into out: inout String) throws {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw Malformed(offset: i) }
            i += w.count
            out += word
        }

        mutating func number() throws -> String {
            let start = i
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
            guard i > start else { throw Malformed(offset: i) }
            var text = String(decoding: bytes[start..<i], as: UTF8.self)
            let isFloat = text.contains(where: { ".eE".contains($0) })
            if isFloat && !text.contains(".") {  // 1e-05 → 1.e-05: GAP's float literals need the point
                if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) { text.insert(".", at: e) }
            }
            return text
        }

        mutating func string() throws -> String {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Malformed(offset: i) }
            let start = i
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
            guard i < bytes.count else { throw Malformed(offset: i) }
            i += 1
            // the JSON string literal, unescaped by the JSON decoder
            let literal = Data(bytes[start..<i])
            guard let s = try? JSONDecoder().decode(String.self, from: literal) else { throw Malformed(offset: start) }
            return s
        }
    }
}
