import Algebra
import Foundation
import ZIPFoundation

extension NumPyArchive {
    /// Reads every `.npy` member of an `.npz` archive (stored or deflated, as `numpy.savez` and
    /// `numpy.savez_compressed` write them), keyed by member name without `.npy`.
    /// - Throws: `NumericError.invalidInput` naming the file when it is missing, not a regular file (a directory
    ///   or a pipe would never end), not a ZIP archive, or holds a member that is not a `.npy` array;
    ///   `MemoryLimitError` before extracting members larger in total than the memory budget.
    public static func read(path: String) throws -> [String: NumPyArray] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NumericError.invalidInput("\(path): no such file")
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        guard type == .typeRegular else { throw NumericError.invalidInput("\(path) is not a regular file") }
        InputFile.register(path)
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw NumericError.invalidInput("\(path) is not an .npz (ZIP) archive")
        }
        let members = archive.filter { $0.type == .file }
        // the arrays read so far plus the inflated bytes of the member being read: declared total + largest member
        let sizes = members.map { Int(clamping: $0.uncompressedSize) }
        try MemoryBudget.require(
            ByteCount.sum(ByteCount.sum(sizes), sizes.max() ?? 0),
            for: "the members of \(path) and one inflated member",
            advice: "use a smaller file (or split it)")
        var arrays: [String: NumPyArray] = [:]
        for entry in members {
            var bytes: [UInt8] = []
            do {
                // a member may not inflate past its declared size (a ZIP bomb's header lies)
                _ = try archive.extract(entry) { chunk in
                    guard UInt64(bytes.count + chunk.count) <= entry.uncompressedSize else {
                        throw NumericError.invalidInput("\(path): member \(entry.path) is larger than declared")
                    }
                    bytes.append(contentsOf: chunk)
                }
            } catch {
                throw NumericError.invalidInput("\(path): member \(entry.path) cannot be read (\(error))")
            }
            let name = entry.path.hasSuffix(".npy") ? String(entry.path.dropLast(4)) : entry.path
            arrays[name] = try NumPyArray(npy: bytes, name: "\(path): \(entry.path)")
        }
        return arrays
    }

    /// The common members of an eqgeom file (`format_version` = 2, `index_base` = 0, `n`), checked; returns n.
    /// - Throws: `NumericError.invalidInput` naming the file when one is missing or differs (an older format, or a
    ///   file eqgeom did not write).
    public static func describedDegree(_ members: [String: NumPyArray], path: String) throws -> Int {
        func scalar(_ name: String) throws -> Int {
            guard let a = members[name], a.shape.isEmpty || a.shape == [1], a.dtype == .int64 || a.dtype == .int32,
                let value = a.doubles.first
            else {
                throw NumericError.invalidInput(
                    "\(path) has no integer member '\(name)' (eqgeom files carry format_version, index_base and n)")
            }
            return Int(value)
        }
        let version = try scalar("format_version")
        guard version == formatVersion else {
            throw NumericError.invalidInput("\(path) has format_version \(version); this eqgeom reads \(formatVersion)")
        }
        guard try scalar("index_base") == 0 else {
            throw NumericError.invalidInput("\(path) has index_base ≠ 0; eqgeom's files are 0-based")
        }
        return try scalar("n")
    }
}
