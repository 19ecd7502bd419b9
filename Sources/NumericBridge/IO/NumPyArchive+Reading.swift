import Foundation
import ZIPFoundation

extension NumPyArchive {
    /// Reads every `.npy` member of an `.npz` archive (stored or deflated, as `numpy.savez` and
    /// `numpy.savez_compressed` write them), keyed by member name without `.npy`.
    /// - Throws: `NumericError.invalidInput` naming the file when it is missing, not a ZIP archive, or holds a
    ///   member that is not a `.npy` array.
    public static func read(path: String) throws -> [String: NumPyArray] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NumericError.invalidInput("\(path): no such file")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw NumericError.invalidInput("\(path) is not an .npz (ZIP) archive")
        }
        var arrays: [String: NumPyArray] = [:]
        for entry in archive where entry.type == .file {
            var bytes: [UInt8] = []
            do {
                _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
            } catch {
                throw NumericError.invalidInput("\(path): member \(entry.path) cannot be read (\(error))")
            }
            let name = entry.path.hasSuffix(".npy") ? String(entry.path.dropLast(4)) : entry.path
            arrays[name] = try NumPyArray(npy: bytes, name: "\(path): \(entry.path)")
        }
        return arrays
    }
}
