import Algebra
import Foundation
import Synchronization

/// A user's input files: read whole after checking that each is a regular file and that what it decodes to
/// (`expansion` bytes per file byte) fits the memory budget, and remembered (by device and inode, so every
/// spelling and hard link of a path is the same file) so that no output of the same run replaces an input.
public enum InputFile {
    private static let read = Mutex<Set<[UInt64]>>([])

    /// The device and inode of an existing file, or nil.
    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Records `path` as an input of this run (every reader of user files calls it).
    public static func register(_ path: String) {
        guard let id = identity(path) else { return }
        read.withLock { _ = $0.insert(id) }
    }

    /// Whether `path` names a file this run has read.
    public static func isInput(_ path: String) -> Bool {
        guard let id = identity(path) else { return false }
        return read.withLock { $0.contains(id) }
    }

    /// Whether `path` is a regular file (false for a missing file, a directory or a pipe).
    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeRegular
    }

    /// The file's bytes.
    /// - Throws: `NumericError.io` when the file is missing or not a regular file; `MemoryLimitError`
    ///   when its decoded size would exceed the budget.
    public static func bytes(_ path: String, expansion: Int, advice: String) throws -> [UInt8] {
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
        register(path)
        return [UInt8](data)
    }
}
