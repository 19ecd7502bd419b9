import Foundation
import Algebra
import Geometry

/// Everything `eqgeom critical-points` reports, in one call (MATH.md §12): the exact counts and Morse-index
/// distributions of the critical points of a component V_t or of the whole variety E_r (generic data), and, given
/// the data's block spectra, the lowest critical values with their points, or every critical point when asked
/// and few enough.
public struct CriticalPointSurvey: Sendable {
    /// The exact counts and index distributions.
    public let count: CriticalPointCount
    /// The data's landscape, when data were given.
    public let landscape: CriticalLandscape?
    /// The lowest critical points, ascending by loss (every critical point when `isComplete`).
    public let points: [CriticalLandscape.Point]
    /// Whether `points` holds every critical point.
    public let isComplete: Bool

    /// A list asked of more critical points than its limit.
    public struct ListTooLong: Error, CustomStringConvertible, Sendable {
        /// How many critical points there are.
        public let count: BigInteger
        /// The most the caller would list.
        public let limit: Int
        /// The fact, in one line.
        public var description: String { "there are \(count) critical points, more than the \(limit) to list" }
    }

    /// Surveys component `tuple` of `variety` (nil: the whole variety); with data (`spectra`, read only after the
    /// counts allow the request), the `lowest` lowest critical values, or all critical points when `listLimit`
    /// is given and there are at most that many. `counting` is called once the request is checked, before the
    /// exact counts (the long part on large varieties).
    /// - Throws: `GeometryError` for a tuple that is not a component or counts too large to compute;
    ///   `ListTooLong`; `MemoryLimitError`; whatever `spectra` throws.
    public init(
        variety: EquivariantVariety, tuple: [Int]?, spectra: (() throws -> any BlockSpectra)?, lowest: Int,
        listLimit: Int?, counting: () -> Void = {}, progress: (Int, Int) throws -> Void = { _, _ in }
    ) throws {
        if let tuple { try variety.validateComponent(tuple) }
        if let limit = listLimit {
            let all = try tuple.map { try variety.component($0).criticalFunctionCount } ?? variety.criticalFunctionCount
            guard all <= BigInteger(limit) else { throw ListTooLong(count: all, limit: limit) }
        }
        counting()
        count = try tuple.map { try variety.component($0).criticalPoints } ?? variety.criticalPoints
        guard let spectra else {
            landscape = nil
            points = []
            isComplete = false
            return
        }
        let landscape = try CriticalLandscape(try spectra(), variety: variety, tuple: tuple)
        self.landscape = landscape
        if let limit = listLimit {
            points = try landscape.lowest(Int(exactly: count.all) ?? limit, progress: progress)
            isComplete = true
        } else {
            points = try landscape.lowest(lowest, progress: progress)
            isComplete = count.all <= BigInteger(points.count)
        }
    }
}
