import ArgumentParser
import Algebra
import Geometry

/// How the user names the permutation σ: exactly one of --perm, --cycle-type, --image, --volume.
struct ActionOptions: ParsableArguments {
    @Option(name: .long, help: "σ in cycle notation \"(1 3 4)(2 5)\" (1-based) or one-line \"[3,5,4,1,2]\".")
    var perm: String?

    @Option(name: .customLong("n"), help: "Number of points when --perm leaves fixed points implicit.")
    var points: Int?

    @Option(name: .long, help: "Cycle type, e.g. 28^28 or 12,8,6,6,5,1 (no permutation is built).")
    var cycleType: String?

    @Option(name: .long, help: "Image size HxW (with --shift x|y, --rotate 90|180|270, or --reflect).")
    var image: String?

    @Option(name: .long, help: "Volume size DxHxW (with --shift x|y|z).")
    var volume: String?

    @Option(name: .long, help: "Cyclic shift axis: x (columns), y (rows), z (slices of a volume).")
    var shift: String?

    @Option(name: .long, help: "Counterclockwise rotation of a square image, in degrees (multiple of 90).")
    var rotate: Int?

    @Option(name: .long, help: "Reflection of an image: horizontal, vertical or diagonal.")
    var reflect: String?

    var given: Bool { perm != nil || cycleType != nil || image != nil || volume != nil }

    /// The permutation, or `nil` when only a cycle type was given.
    func permutation() throws -> Permutation? {
        let sources = [perm != nil, cycleType != nil, image != nil, volume != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError(sources == 0 ? "name σ with one of --perm, --cycle-type, --image HxW, --volume DxHxW"
                                               : "give only one of --perm, --cycle-type, --image, --volume")
        }
        if let p = perm { return try Permutation(parsing: p, degree: points) }
        if cycleType != nil { return nil }
        if let v = volume {
            let dims = try parseSize(v, count: 3, flag: "--volume")
            guard rotate == nil, reflect == nil else { throw ValidationError("a volume takes only --shift x|y|z") }
            return try Permutation.shift(depth: dims[0], height: dims[1], width: dims[2], along: try axis())
        }
        let dims = try parseSize(image ?? "", count: 2, flag: "--image")
        let moves = [shift != nil, rotate != nil, reflect != nil].filter { $0 }.count
        guard moves == 1 else { throw ValidationError("--image needs exactly one of --shift x|y, --rotate DEGREES, --reflect KIND") }
        if shift != nil { return try Permutation.shift(height: dims[0], width: dims[1], along: try axis()) }
        if let degrees = rotate {
            guard dims[0] == dims[1] else { throw ValidationError("--rotate needs a square image, got \(dims[0])x\(dims[1])") }
            return try Permutation.rotation(size: dims[0], degrees: degrees)
        }
        guard let kind = Permutation.Reflection(rawValue: reflect ?? "") else {
            throw ValidationError("--reflect takes horizontal, vertical or diagonal, got '\(reflect ?? "")'")
        }
        return try Permutation.reflection(height: dims[0], width: dims[1], kind)
    }

    /// The block structure of σ (from its cycle type only).
    func blockStructure() throws -> BlockStructure {
        if let p = try permutation() { return BlockStructure(p) }
        return BlockStructure(cycleType: try CycleType(parsing: cycleType ?? ""))
    }

    private func axis() throws -> Permutation.Axis {
        guard let a = Permutation.Axis(rawValue: shift ?? "") else { throw ValidationError("--shift takes x, y or z, got '\(shift ?? "")'") }
        return a
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
