import Algebra
import Foundation

/// Reading a user's input file whole, after checking that it is a regular file and that what it decodes
/// to (`expansion` bytes per file byte) fits the memory budget.
enum InputFile {
    /// - Throws: `NumericError.io` when the file is missing or not a regular file; `MemoryLimitError`
    ///   when its decoded size would exceed the budget.
    /// Whether `path` is a regular file (false for a missing file, a directory or a pipe).
    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeRegular
    }

    static func bytes(_ path: String, expansion: Int, advice: String) throws -> [UInt8] {
        let name = (path as NSString).lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw NumericError.io("cannot read \(path): \(exists ? "not a regular file" : "no such file")")
        }
        let size = attributes[.size] as? Int ?? 0
        try MemoryBudget.require(
            ByteCount.product(size, expansion), for: "reading \(name) (\(ByteCount.format(size)))", advice: advice)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NumericError.io("cannot read \(path)")
        }
        return [UInt8](data)
    }
}
