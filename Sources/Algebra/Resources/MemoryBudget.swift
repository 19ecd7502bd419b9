import Synchronization

/// The memory one command may use, in bytes. Every computation whose size a user controls estimates
/// its largest allocation in bytes and calls `require` before it starts, so that a request too large
/// for the machine is refused with advice instead of exhausting memory.
///
///     try MemoryBudget.require(ByteCount.product(n, n, 8), for: "a dense n×n matrix", advice: "use …")
public enum MemoryBudget {
    /// The default limit: 4 GiB.
    public static let defaultLimit = 4 << 30

    private static let storage = Atomic<Int>(defaultLimit)

    /// The limit in force (bytes). The command line sets it once, from `--memory-limit`, before any work.
    public static var limit: Int {
        get { storage.load(ordering: .relaxed) }
        set { storage.store(newValue, ordering: .relaxed) }
    }

    /// Refuses when `bytes` exceeds the limit.
    /// - Throws: `MemoryLimitError` naming what needed the memory, how much, and what to do instead.
    public static func require(_ bytes: Int, for what: String, advice: String) throws {
        guard bytes <= limit else {
            throw MemoryLimitError(what: what, bytes: bytes, limit: limit, advice: advice)
        }
    }

    /// Parses a whole-number size such as `4G`, `512M` or `1048576` (bytes),
    /// with the binary suffixes K, M, G, T (optionally followed by `iB` or `B`).
    public static func parse(_ text: String) -> Int? {
        var digits = text.uppercased()
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits.removeLast(suffix.count)
            break
        }
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30, "T": 40]
        var shift = 0
        if let last = digits.last, let s = shifts[last] {
            shift = s
            digits.removeLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : scaled
    }
}

/// A computation refused because its memory estimate exceeds `MemoryBudget.limit`.
public struct MemoryLimitError: Error, CustomStringConvertible, Sendable, Equatable {
    public let what: String
    public let bytes: Int
    public let limit: Int
    public let advice: String

    public init(what: String, bytes: Int, limit: Int, advice: String) {
        self.what = what
        self.bytes = bytes
        self.limit = limit
        self.advice = advice
    }

    public var description: String {
        "\(what) needs about \(ByteCount.format(bytes)), more than the memory limit of "
            + "\(ByteCount.format(limit)); \(advice)"
    }
}

/// Byte counts that saturate instead of overflowing, and their human-readable form.
public enum ByteCount {
    /// The product of non-negative factors, or `Int.max` when it overflows.
    public static func product(_ factors: Int...) -> Int { product(factors) }

    /// The product of an array of non-negative factors, or `Int.max` when it overflows.
    public static func product(_ factors: [Int]) -> Int {
        var p = 1
        for f in factors {
            let (q, overflow) = p.multipliedReportingOverflow(by: max(f, 0))
            if overflow { return Int.max }
            p = q
        }
        return p
    }

    /// The sum of non-negative terms, or `Int.max` when it overflows.
    public static func sum(_ terms: Int...) -> Int { sum(terms) }

    /// The sum of an array of non-negative terms, or `Int.max` when it overflows.
    public static func sum(_ terms: [Int]) -> Int {
        var s = 0
        for t in terms {
            let (q, overflow) = s.addingReportingOverflow(max(t, 0))
            if overflow { return Int.max }
            s = q
        }
        return s
    }

    /// "3.2 GiB"-style sizes (binary units, one decimal, integer arithmetic only).
    public static func format(_ bytes: Int) -> String {
        if bytes == Int.max { return "more than 8 EiB" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var unit = 0
        var whole = bytes
        var tenths = 0
        while whole >= 1024 && unit < units.count - 1 {
            tenths = (whole % 1024) * 10 / 1024
            whole /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : "\(whole).\(tenths) \(units[unit])"
    }
}
