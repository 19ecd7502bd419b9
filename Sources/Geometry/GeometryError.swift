/// Why a geometric query could not be answered. The description is the one line a user sees.
public enum GeometryError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidShape(String)
    case rankOutOfRange(rank: Int, maximum: Int, what: String)
    case tupleLength(given: Int, blocks: Int)
    case tupleEntryOutOfRange(block: String, value: Int, multiplicity: Int)
    case tupleWeightExceedsRank(weight: Int, rank: Int)
    case tupleNotMaximal(block: String, rank: Int)
    case unknownBlock(String)
    case malformedTuple(String)
    case indexOutOfRange(index: String, count: String)
    case tooLarge(String)
    case notInvariant(String)

    public var description: String {
        switch self {
        case .invalidShape(let s): return s
        case .rankOutOfRange(let r, let m, let what): return "rank \(r) is out of range 0...\(m) for \(what)"
        case .tupleLength(let g, let b):
            return
                "tuple has \(g) entries but there are \(b) blocks; "
                + "give one entry per block in canonical order, or the keyed form LABEL=t (l/m=t for one "
                + "permutation, e.g. R2.1=3 for a group)"
        case .tupleEntryOutOfRange(let b, let v, let d):
            return "tuple entry \(v) for block \(b) is out of range 0...\(d)"
        case .tupleWeightExceedsRank(let w, let r): return "tuple has weighted sum \(w), more than the rank \(r)"
        case .tupleNotMaximal(let b, let r):
            return
                "tuple is not an irreducible component at rank \(r): "
                + "block \(b) can still be raised (its variety lies in a larger component)"
        case .unknownBlock(let s):
            return "no block \(s) for this permutation (blocks are l/m with eigenvalue exp(2πi·m/l))"
        case .malformedTuple(let s): return "malformed tuple: \(s)"
        case .indexOutOfRange(let i, let c): return "component index \(i) is out of range: there are \(c) components"
        case .tooLarge(let s): return s
        case .notInvariant(let s): return s
        }
    }
}
