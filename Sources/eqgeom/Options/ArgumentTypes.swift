import Algebra
import ArgumentParser
import Foundation
import Geometry
import NumericBridge

/// `HxW`: an image size with positive sides, read when the command line is parsed.
struct ImageSize: ExpressibleByArgument, Equatable {
    let height: Int
    let width: Int

    init(height: Int, width: Int) {
        (self.height, self.width) = (height, width)
    }

    init?(argument: String) {
        guard let dims = positiveDimensions(argument, count: 2) else { return nil }
        (height, width) = (dims[0], dims[1])
    }

    var defaultValueDescription: String { "\(height)x\(width)" }

    /// H·W.
    var points: Int { ByteCount.product(height, width) }
    var dimensions: [Int] { [height, width] }
}

/// `DxHxW`: a volume size with positive sides.
struct VolumeSize: ExpressibleByArgument, Equatable {
    let depth: Int
    let height: Int
    let width: Int

    init?(argument: String) {
        guard let dims = positiveDimensions(argument, count: 3) else { return nil }
        (depth, height, width) = (dims[0], dims[1], dims[2])
    }

    var points: Int { ByteCount.product(depth, height, width) }
    var dimensions: [Int] { [depth, height, width] }
}

/// `28x28` or `4x5x6` as `count` positive integers, or nil.
private func positiveDimensions(_ text: String, count: Int) -> [Int]? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    let dims = parts.compactMap { Int($0) }
    guard parts.count == count, dims.count == count, dims.allSatisfy({ $0 >= 1 }) else { return nil }
    return dims
}

/// A comma-separated list read strictly: every item (spaces trimmed) must convert; empty items (`1,,2`) and an
/// empty list are refused.
struct ListArgument<Element: LosslessStringConvertible & Sendable>: ExpressibleByArgument, CustomStringConvertible,
    Sendable
{
    let values: [Element]

    init(_ values: [Element]) { self.values = values }

    init?(argument: String) {
        let items = argument.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let values = items.compactMap { Element($0) }
        guard !items.isEmpty, values.count == items.count else { return nil }
        self.values = values
    }

    var description: String { values.map(\.description).joined(separator: ",") }
    var defaultValueDescription: String { description }
}

/// Command-line readers for the library's own textual forms: each error is the library's one-line fact, which
/// the parser prefixes with the flag.
enum Parse {
    static func cycleType(_ text: String) throws -> CycleType { try CycleType(parsing: text) }
    /// A permutation in cycle or one-line notation, its syntax checked (it is built later, on `--n` points and
    /// within `--memory-limit`).
    static func permutation(_ text: String) throws -> PermutationNotation { try PermutationNotation(parsing: text) }

    static func namedGroup(_ text: String) throws -> NamedGroup { try NamedGroup(parsing: text) }
    /// A rational number `p/q` or an integer.
    static func rational(_ text: String) throws -> Rational {
        guard let value = Rational(text) else { throw ValidationError("a rational number p/q is expected") }
        return value
    }
    /// A component's tuple, positional or keyed by block label (resolved against the blocks later).
    static func tuple(_ text: String) throws -> TupleNotation { try TupleNotation(parsing: text) }
    /// A non-negative big integer (a component index or offset).
    static func index(_ text: String) throws -> BigInteger {
        guard let value = BigInteger(text), value.signum >= 0 else {
            throw ValidationError("a non-negative integer is expected")
        }
        return value
    }
    /// The number field Q[a]/(f) of an irreducible polynomial f in x of degree ≥ 1 (`x^2-3`).
    static func numberField(_ text: String) throws -> NumberField {
        let f: IntegerPolynomial
        do {
            f = try RationalPolynomial(parsing: text, variable: "x").primitiveIntegerPart
        } catch let error as RationalPolynomial.ParseError {
            throw ValidationError(error.description)
        }
        guard f.degree >= 1, f.irreducibleFactors.count == 1, f.irreducibleFactors.first?.multiplicity == 1 else {
            throw ValidationError("an irreducible polynomial in x of degree ≥ 1 is expected")
        }
        return NumberField(f)
    }
}

extension ConvolutionalKernel.Readout: ExpressibleByArgument {}

/// `--kernel mlp:DEPTH | cnn-flatten | cnn-gap | rbf:ℓ`, optionally `:nngp`: the syntax is checked when the command
/// line is parsed; the CNN kernels take the image size when they are built.
struct KernelArgument: ExpressibleByArgument, CustomStringConvertible, Sendable {
    let description: String

    init?(argument: String) {
        guard KernelChoice(parsing: argument, height: 1, width: 1) != nil else { return nil }
        description = argument
    }

    private init(valid text: String) { description = text }

    /// The NTK of a one-hidden-layer ReLU MLP, the default.
    static let mlp1 = KernelArgument(valid: "mlp:1")

    var defaultValueDescription: String { description }

    /// The kernel on images of height × width (the CNN kernels' grid; ignored by the others).
    func choice(height: Int, width: Int) -> KernelChoice {
        KernelChoice(parsing: description, height: height, width: width)
            ?? .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1)
    }
}
