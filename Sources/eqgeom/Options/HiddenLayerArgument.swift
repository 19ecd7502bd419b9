import ArgumentParser
import Algebra
import Geometry

/// `--hidden`: what one hidden layer carries — block multiplicities (`R1.1=2,R2.1=1`, or positional `2,0,1`),
/// `channels:C` (C copies of the input G-set ℝ^n) or, for one permutation, `cycles:4,4,2` (a ⟨σ⟩-set with those
/// cycle lengths). Syntax checked when the command line is parsed; resolved against the blocks later.
enum HiddenLayerArgument: Sendable {
    case module(TupleNotation)
    case channels(Int)
    case cycles(CycleType)

    init(parsing text: String) throws {
        if text.hasPrefix("channels:") {
            guard let c = Int(text.dropFirst("channels:".count)), (0...4096).contains(c) else {
                throw ValidationError("channels:C takes C in 0…4096")
            }
            self = .channels(c)
        } else if text.hasPrefix("cycles:") {
            self = .cycles(try CycleType(parsing: String(text.dropFirst("cycles:".count))))
        } else {
            self = .module(try TupleNotation(parsing: text))
        }
    }

    /// m_b for every block of the decomposition.
    func multiplicities(_ decomposition: some BlockDecomposition) throws -> [Int] {
        switch self {
        case .module(let notation): return try notation.resolve(labels: decomposition.labels)
        case .channels(let c): return decomposition.blocks.map { c * $0.multiplicity }
        case .cycles(let lengths):
            guard let structure = decomposition as? BlockStructure else {
                throw ValidationError("cycles:… names a ⟨σ⟩-set: give one permutation (--perm, one image move)")
            }
            return try structure.multiplicities(ofCycles: lengths)
        }
    }
}

extension Parse {
    /// A hidden layer (see `HiddenLayerArgument`).
    static func hiddenLayer(_ text: String) throws -> HiddenLayerArgument { try HiddenLayerArgument(parsing: text) }
}
