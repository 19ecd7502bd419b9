internal import CFlint

extension BigInteger: Equatable, Hashable, Comparable {
    public static func == (a: BigInteger, b: BigInteger) -> Bool {
        a.box === b.box || fmpz_equal(a.box.ptr, b.box.ptr) != 0
    }
    public static func < (a: BigInteger, b: BigInteger) -> Bool { fmpz_cmp(a.box.ptr, b.box.ptr) < 0 }
    public func hash(into hasher: inout Hasher) {
        if let v = Int(exactly: self) { hasher.combine(v) } else { hasher.combine(description) }
    }
}

/// ℤ as an additive group (`zero`, `+`, `-`, `+=`, `-=` from BigInteger+Arithmetic.swift).
extension BigInteger: AdditiveArithmetic {
    public static var zero: BigInteger { BigInteger(0) }
}

extension BigInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInteger: LosslessStringConvertible, CustomStringConvertible {
    /// Parses an optional sign followed by decimal digits (no spaces, no `+`-only, no separators).
    /// Returns `nil` for anything else. Wraps `fmpz_set_str`.
    public init?(_ text: String) {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let b = FmpzBox()
        let parsed = withExtendedLifetime(b) { fmpz_set_str(b.ptr, text, 10) == 0 }
        guard parsed else { return nil }
        self.init(box: b)
    }

    /// Decimal digits, with a leading `-` when negative. Wraps `fmpz_get_str`.
    public var description: String {
        guard let c = fmpz_get_str(nil, 10, box.ptr) else { return "?" }
        defer { flint_free(c) }
        return String(cString: c)
    }
}

/// Encoded as a JSON string of decimal digits, so that no reader rounds it to a double.
extension BigInteger: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = BigInteger(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a decimal integer: \(s)")
        }
        self = v
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
