internal import CFlint

/// An arbitrary-precision integer, ℤ, with value semantics (FLINT `fmpz`).
///
/// Copies share one FLINT object until one of them is mutated (copy-on-write); the object is
/// freed when the last copy goes away. Never overflows: results grow as needed.
///
///     let f = BigInteger.factorial(25)          // 15511210043330985984000000
///     let c = BigInteger.binomial(28, 13)      // 37442160
public struct BigInteger: Sendable {
    var box: FmpzBox

    init(box: FmpzBox) { self.box = box }

    /// The integer `value`.
    public init(_ value: Int = 0) {
        box = FmpzBox()
        fmpz_set_si(box.ptr, value)
    }

    /// The integer `value`.
    public init(_ value: UInt) {
        box = FmpzBox()
        fmpz_set_ui(box.ptr, value)
    }

    /// Runs `body` on a fresh result, the pattern every operator shares.
    static func make(_ body: (UnsafeMutablePointer<fmpz>) -> Void) -> BigInteger {
        let r = FmpzBox()
        body(r.ptr)
        return BigInteger(box: r)
    }

    /// Mutable access; copies first if the storage is shared.
    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<fmpz>) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return try body(box.ptr)
    }
}
