import Foundation
import Geometry

/// The orthogonal change of basis Y = X·Q to an adapted frame as a fast transform (MATH.md §5, §8.5), with the
/// block spectra of data fused with it (MATH.md §4.5, §8.7). One permutation conforms by FFTs along its cycles
/// (`StructuredTransform`); any group by orbit tiles or a torus's 2-D FFT (`GroupTransform`).
public protocol IsotypicTransform: Sendable {
    associatedtype Spectra: BlockSpectra
    /// The shard statistics the spectra come from.
    associatedtype Moments: ShardMoments where Moments.Spectra == Spectra
    /// n, the number of points.
    var degree: Int { get }
    /// Y = X·Q for a batch of rows (N×n, row-major).
    func forward(_ x: [Double], batch: Int) -> [Double]
    /// Y = X·Q into a buffer of N·n values (no allocation).
    func forward(_ x: [Double], batch: Int, into y: inout [Double])
    /// X = Y·Qᵀ for a batch of rows.
    func inverse(_ y: [Double], batch: Int) -> [Double]
    /// The block moments of the rows of X (N×n pixels), fused with the transform.
    func moments(of x: [Double], batch: Int) -> Moments
}

extension IsotypicTransform {
    /// The block spectra of the rows of X (N×n pixels), from moments fused with the transform.
    public func spectra(of x: [Double], batch: Int) throws -> Spectra { try moments(of: x, batch: batch).spectra() }
}

extension StructuredTransform: IsotypicTransform {}

extension GroupTransform: IsotypicTransform {
    /// n, the number of points.
    public var degree: Int { basis.degree }
}
