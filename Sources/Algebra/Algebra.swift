internal import CFlint

/// Facts about the exact-arithmetic backend.
public enum AlgebraBackend {
    /// FLINT's version string, e.g. "2.9.0".
    public static var flintVersion: String { String(cString: eq_flint_version()) }
}
