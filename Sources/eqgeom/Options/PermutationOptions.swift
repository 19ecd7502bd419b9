import CommandLineSupport
import Algebra
import ArgumentParser
import Geometry

/// How the user names one permutation σ: exactly one of --perm, --image (with one move) or --volume.
struct PermutationOptions: ParsableArguments {
    @Option(
        name: .long, help: "σ in cycle notation \"(1 3 4)(2 5)\" (1-based) or one-line \"[3,5,4,1,2]\".",
        transform: Parse.permutation)
    var perm: PermutationNotation?

    @Option(name: .customLong("n"), help: "Number of points when --perm or --gen leaves fixed points implicit.")
    var points: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Image size HxW (with one of --shift x|y, --rotate 90|180|270, --reflect KIND).", valueName: "HxW"))
    var image: ImageSize?

    @Option(name: .long, help: ArgumentHelp("Volume size DxHxW (with --shift x|y|z).", valueName: "DxHxW"))
    var volume: VolumeSize?

    @Option(name: .long, help: "Cyclic shift axis: x (columns), y (rows), z (slices of a volume); repeat for a torus.")
    var shift: [ShiftAxisArgument] = []

    @Option(name: .long, help: "Counterclockwise rotation of a square image, in degrees: 90, 180 or 270.")
    var rotate: [RotationArgument] = []

    @Option(name: .long, help: "Reflection of an image: horizontal, vertical or diagonal (with --rotate: D4).")
    var reflect: [ReflectionArgument] = []

    /// Whether any way of naming σ was used.
    var given: Bool { perm != nil || image != nil || volume != nil }

    func validate() throws {
        if let n = points, n < 1 || n >= CycleType.maximumDegree {
            throw ValidationError("--n must be between 1 and \(CycleType.maximumDegree - 1), got \(n)")
        }
        let sources = [perm != nil, image != nil, volume != nil].filter { $0 }.count
        guard sources <= 1 else { throw ValidationError("give only one of --perm, --image, --volume") }
        let moves = shift.count + rotate.count + reflect.count
        if perm != nil || sources == 0 {
            guard moves == 0 else {
                throw ValidationError("--shift, --rotate and --reflect act on --image or --volume")
            }
        }
        if image != nil || volume != nil {
            guard points == nil else {
                throw ValidationError("--n goes with --perm or --gen, not with an image action")
            }
        }
        if image != nil {
            guard moves >= 1 else {
                throw ValidationError("--image needs a move: --shift x|y, --rotate DEGREES or --reflect KIND")
            }
            if shift.contains(.z) { throw ValidationError("--shift z moves the slices of a --volume, not an image") }
        }
        if volume != nil {
            guard rotate.isEmpty, reflect.isEmpty, !shift.isEmpty else {
                throw ValidationError("--volume needs --shift x|y|z (no --rotate or --reflect)")
            }
        }
    }

    /// The number of moves given (each an image or volume permutation).
    var moveCount: Int { shift.count + rotate.count + reflect.count }

    /// The permutation, or nil when none was named.
    /// - Throws: when several image moves name a group rather than one permutation.
    func permutation() throws -> Permutation? {
        guard moveCount <= 1 else {
            throw ValidationError(
                "this needs one permutation; several moves (\(moveCount)) generate a group")
        }
        return try generators().first
    }

    /// Every permutation named: --perm, or one per image or volume move, in the order shift, rotate, reflect.
    func generators() throws -> [Permutation] {
        if let p = perm { return [try p.permutation(degree: points)] }
        if let v = volume {
            return try shift.map {
                try Permutation.shift(depth: v.depth, height: v.height, width: v.width, along: $0.axis)
            }
        }
        guard let dims = image?.dimensions else { return [] }
        var result = try shift.map { try Permutation.shift(height: dims[0], width: dims[1], along: $0.axis) }
        for degrees in rotate {
            guard dims[0] == dims[1] else {
                throw ValidationError("--rotate needs a square image, got \(dims[0])x\(dims[1])")
            }
            result.append(try Permutation.rotation(size: dims[0], degrees: degrees.rawValue))
        }
        for kind in reflect {
            result.append(try Permutation.reflection(height: dims[0], width: dims[1], kind.reflection))
        }
        return result
    }

    /// σ's cycle type, in closed form for one image or volume move (no permutation of the pixels is built).
    func cycleType() throws -> CycleType {
        guard moveCount <= 1 else { return try requiredPermutation().cycleType }
        if let dims = image?.dimensions {
            if let axis = shift.first {
                return try CycleType.shift(dimensions: dims, axisLength: axis == .x ? dims[1] : dims[0])
            }
            if let degrees = rotate.first {
                guard dims[0] == dims[1] else {
                    throw ValidationError("--rotate needs a square image, got \(dims[0])x\(dims[1])")
                }
                return try CycleType.rotation(size: dims[0], degrees: degrees.rawValue)
            }
            if let kind = reflect.first {
                return try CycleType.reflection(height: dims[0], width: dims[1], kind.reflection)
            }
        }
        if let dims = volume?.dimensions, let axis = shift.first {
            let length = axis == .x ? dims[2] : (axis == .y ? dims[1] : dims[0])
            return try CycleType.shift(dimensions: dims, axisLength: length)
        }
        return try requiredPermutation().cycleType
    }

    /// Refuses, before σ is built, a command that needs `bytesPerPoint` bytes for each of σ's points (the
    /// permutation, layouts, tables) beyond the memory budget. n comes from the image or volume size or --n.
    func requireMemory(bytesPerPoint: Int, for what: String) throws {
        let n = image?.points ?? volume?.points ?? points ?? 0
        try MemoryBudget.require(
            ByteCount.product(n, bytesPerPoint), for: "\(what) of \(n) points",
            advice: "use a smaller case; counting needs only the cycle type (--cycle-type)")
    }

    /// The permutation; refused when none was named.
    func requiredPermutation() throws -> Permutation {
        guard let p = try permutation() else {
            throw ValidationError("name σ with one of --perm, --image HxW (with a move), --volume DxHxW")
        }
        return p
    }

}
