/// Why a permutation, cycle type, image size or group could not be built. The description is
/// the one line a user sees; it names the problem and the offending value.
public enum PermutationError: Error, Equatable, CustomStringConvertible, Sendable {
    case empty
    case notANumber(String)
    case pointOutOfRange(point: Int, degree: Int)
    case nonPositivePoint(Int)
    case repeatedPoint(Int)
    case unbalancedParentheses(String)
    case unexpectedCharacter(Character, in: String)
    case degreeTooSmall(given: Int, needed: Int)
    case notAPermutation(String)
    case invalidSize(String)
    case sizeDoesNotDivide(String)
    case invalidCycleType(String)
    case tooLarge(String)
    case degreeMismatch(Int, Int)
    case notAGroupName(String)

    /// Text from a file on one line: line breaks shown as ↵, at most 80 characters around an ellipsis.
    private static func oneLine(_ s: String) -> String {
        let flat = String(s.map { $0.isNewline ? "↵" : $0 })
        return flat.count <= 80 ? flat : String(flat.prefix(38)) + " … " + String(flat.suffix(38))
    }

    public var description: String {
        let q = Self.oneLine
        switch self {
        case .empty: return "empty permutation text: write cycles like (1 3 4)(2 5) or images like [3,5,4,1,2]"
        case .notANumber(let s): return "'\(q(s))' is not a point number (points are positive integers)"
        case .pointOutOfRange(let p, let n): return "point \(p) is out of range 1..\(n)"
        case .nonPositivePoint(let p): return "point \(p) is not positive (points are numbered from 1)"
        case .repeatedPoint(let p): return "point \(p) appears more than once"
        case .unbalancedParentheses(let s): return "unbalanced parentheses in '\(q(s))'"
        case .unexpectedCharacter(let c, let s): return "unexpected character '\(q(String(c)))' in '\(q(s))'"
        case .degreeTooSmall(let n, let needed): return "n = \(n) is smaller than the largest point \(needed)"
        case .notAPermutation(let s): return "not a permutation: \(q(s))"
        case .invalidSize(let s): return "invalid size: \(s)"
        case .sizeDoesNotDivide(let s): return s
        case .invalidCycleType(let s): return "invalid cycle type: \(s)"
        case .tooLarge(let s): return "too large: \(s)"
        case .degreeMismatch(let a, let b): return "permutations act on different numbers of points (\(a) and \(b))"
        case .notAGroupName(let s): return "'\(q(s))' is not a group name: write S<n>, A<n>, C<n> or D<n>, as S5"
        }
    }
}
