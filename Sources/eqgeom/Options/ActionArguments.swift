import CommandLineSupport
import Algebra
import ArgumentParser

/// `--shift x|y|z`: the axis of a cyclic shift of an image or volume.
enum ShiftAxisArgument: String, ExpressibleByArgument, CaseIterable {
    case x, y, z

    var axis: Permutation.Axis {
        switch self {
        case .x: return .x
        case .y: return .y
        case .z: return .z
        }
    }
}

/// `--rotate 90|180|270`: a counterclockwise rotation of a square image.
enum RotationArgument: Int, ExpressibleByArgument, CaseIterable {
    case quarter = 90
    case half = 180
    case threeQuarters = 270
}

/// `--reflect horizontal|vertical|diagonal`: a mirror of an image.
enum ReflectionArgument: String, ExpressibleByArgument, CaseIterable {
    case horizontal, vertical, diagonal

    var reflection: Permutation.Reflection {
        switch self {
        case .horizontal: return .horizontal
        case .vertical: return .vertical
        case .diagonal: return .diagonal
        }
    }
}

/// Parses `28x28` or `4x5x6` into positive integers.
func parseSize(_ text: String, count: Int, flag: String) throws -> [Int] {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    let dims = parts.compactMap { Int($0) }
    guard parts.count == count, dims.count == count, dims.allSatisfy({ $0 >= 1 }) else {
        throw ValidationError("\(flag) takes \(count == 2 ? "HxW" : "DxHxW") with positive integers, got '\(text)'")
    }
    return dims
}
