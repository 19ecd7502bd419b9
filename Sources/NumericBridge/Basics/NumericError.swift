/// Why a numeric computation was refused or failed. The description is the one line a user sees.
public enum NumericError: Error, CustomStringConvertible, Sendable, Equatable {
    case tooLarge(String)
    case invalidInput(String)
    case lapack(String)
    case io(String)
    case diverged(String)

    public var description: String {
        switch self {
        case .tooLarge(let s), .invalidInput(let s), .lapack(let s), .io(let s), .diverged(let s): return s
        }
    }
}

/// "8.0 TB"-style sizes.
func formatBytes(_ b: Double) -> String {
    let units = ["B", "KB", "MB", "GB", "TB", "PB"]
    var v = b
    var u = 0
    while v >= 1000 && u < units.count - 1 {
        v /= 1000
        u += 1
    }
    return "\((v * 10).rounded() / 10) \(units[u])"
}
