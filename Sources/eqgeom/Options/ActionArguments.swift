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
