import Algebra
import ArgumentParser
import Foundation
import NumericBridge

/// A matrix option (`--matrix`, `--lie-matrix`, `--cov`, `--x`, `--y`, `--adjacency`): inline rows
/// `[[0,-1],[1,0]]`, their brackets and shape checked when the command line is parsed and their entries read once
/// the field is known (ℚ, or Q[a]/(f) with `--field`); a `.json` file holding such rows; or a `.npy` file (floats
/// at their exact binary values).
enum MatrixArgument: Sendable {
    case inline(text: String, entries: [[String]])
    case json(path: String)
    case npy(path: String)

    /// Reads the option's text: a file by its extension, else inline rows (syntax only).
    /// - Throws: `ValidationError` naming the bracket or shape defect.
    init(parsing text: String) throws {
        if text.hasSuffix(".npy") {
            self = .npy(path: text)
        } else if text.hasSuffix(".json") {
            self = .json(path: text)
        } else {
            guard text.utf8.count <= 1 << 24 else { throw ValidationError("the matrix is too large (over 16 MB)") }
            do {
                self = .inline(text: text, entries: try RationalMatrix.entryTexts(parsing: text))
            } catch let error as RationalMatrix.ParseError {
                throw ValidationError(error.description)
            }
        }
    }

    /// The matrix over ℚ.
    /// - Throws: `ValidationError` for a file that cannot be read, a `.npy` of other shape or with a non-finite
    ///   entry; the parse error of an entry that is not a rational number.
    func rational() throws -> RationalMatrix {
        switch self {
        case .npy(let path):
            let array = try NumPyArray(npy: try RepresentationOptions.readFile(path), name: path)
            guard array.shape.count == 2 else {
                throw ValidationError("\(path) holds shape \(array.shape); a matrix has two axes")
            }
            let values = array.doubles
            guard values.allSatisfy(\.isFinite) else { throw ValidationError("\(path) holds a non-finite entry") }
            // floats are taken at their exact binary values (0.1 is 3602879701896397/2^55)
            guard array.shape[0] > 0, array.shape[1] > 0,
                let m = RationalMatrix(exactly: values, rows: array.shape[0], columns: array.shape[1])
            else { throw ValidationError("\(path) holds an empty matrix") }
            return m
        case .json, .inline: return try RationalMatrix(parsing: try text())
        }
    }

    /// The entries as text, for a field given later (`--field`).
    /// - Throws: `ValidationError` for a `.npy` file (floats are rational) or a file that cannot be read.
    func entryTexts() throws -> [[String]] {
        switch self {
        case .inline(_, let entries): return entries
        case .json: return try RationalMatrix.entryTexts(parsing: try text())
        case .npy(let path): throw ValidationError("\(path): entries in a number field are given as text or .json")
        }
    }

    /// The rows' text: inline, or read from the `.json` file.
    private func text() throws -> String {
        switch self {
        case .inline(let text, _): return text
        case .json(let path), .npy(let path):
            let text = String(decoding: try RepresentationOptions.readFile(path), as: UTF8.self)
            guard text.utf8.count <= 1 << 24 else { throw ValidationError("\(path) is too large for a matrix") }
            return text
        }
    }
}

extension Parse {
    /// A matrix given inline or as a file (see `MatrixArgument`).
    static func matrix(_ text: String) throws -> MatrixArgument { try MatrixArgument(parsing: text) }

}
