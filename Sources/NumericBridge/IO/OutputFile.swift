import Foundation

/// Files eqgeom writes, created all-or-nothing: the contents go to a temporary file in the target's
/// directory, renamed over the target only when complete, so a failed or interrupted run leaves no
/// partial or missing output. A file that is replaced keeps its permission bits (docs/formats.md). Temporaries
/// of killed runs are swept from the directory the next time eqgeom writes there.
public enum OutputFile {
    /// Writes `bytes` to `path` atomically.
    /// - Throws: `NumericError.io` naming the path when the directory is missing or not writable.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { handle in try handle.write(contentsOf: bytes) }
    }

    /// Writes what `body` writes to the handle, atomically.
    public static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        let temporary = try stage(path, body)
        try commit(temporary, to: path)
    }

    /// Writes a temporary file beside `path` and returns its path (see `commit`).
    static func stage(_ path: String, _ body: (FileHandle) throws -> Void) throws -> String {
        guard !InputFile.isInput(path) else {
            throw NumericError.io("cannot write \(path): it is an input of this command (write the output elsewhere)")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NumericError.io("cannot write \(path): directory \(directory) does not exist")
        }
        sweepLitter(in: directory)
        let temporary =
            directory + "/." + url.lastPathComponent + ".eqgeom-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o644]),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw NumericError.io("cannot write \(path): directory \(directory) is not writable") }
        do {
            try body(handle)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            if let e = error as? NumericError { throw e }
            throw NumericError.io("cannot write \(path): \(error.localizedDescription)")
        }
        return temporary
    }

    /// Removes the temporaries that runs killed outright (SIGKILL, power loss) left in `directory`: hidden files
    /// `.NAME.eqgeom-PID-N.tmp` whose process no longer exists. A live run's temporaries are never touched.
    static func sweepLitter(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let marker = name.range(of: ".eqgeom-", options: .backwards) else { continue }
            let fields = name[marker.upperBound...].dropLast(4).split(separator: "-")
            guard fields.count == 2, let pid = Int32(fields[0]), pid > 0, UInt32(fields[1]) != nil else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
        }
    }

    /// Renames a staged temporary file over `path`, keeping the permissions of a file it replaces.
    static func commit(_ temporary: String, to path: String) throws {
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw NumericError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Several output files written together: each is staged as a temporary file, and all are renamed into
/// place only after every one was written, so a failure leaves none of them behind.
public struct OutputFiles {
    private var staged: [(temporary: String, path: String)] = []
    private var createdDirectories: [String] = []

    /// An empty set of staged files.
    public init() {}

    /// Creates `directory` (and its parents) if missing; `discard` removes what it created.
    public mutating func createDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw NumericError.io("\(directory) exists and is not a directory") }
            return
        }
        // the missing ancestors too, outermost first, so that `discard` removes every directory it made
        var missing: [String] = []
        var path = URL(fileURLWithPath: directory).standardizedFileURL.path
        while !FileManager.default.fileExists(atPath: path) && path != "/" {
            missing.insert(path, at: 0)
            path = URL(fileURLWithPath: path).deletingLastPathComponent().path
        }
        for made in missing {
            do {
                try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: false)
            } catch {
                discard()
                throw NumericError.io("cannot create directory \(directory)")
            }
            createdDirectories.append(made)
        }
    }

    /// Stages one file.
    public mutating func add(_ bytes: [UInt8], to path: String) throws {
        do {
            staged.append((try OutputFile.stage(path) { try $0.write(contentsOf: bytes) }, path))
        } catch {
            discard()
            throw error
        }
    }

    /// The paths staged so far.
    public var paths: [String] { staged.map(\.path) }

    /// Renames every staged file into place and returns their paths.
    @discardableResult
    public mutating func commit() throws -> [String] {
        let paths = self.paths
        for (temporary, path) in staged { try OutputFile.commit(temporary, to: path) }
        staged = []
        createdDirectories = []
        return paths
    }

    /// Removes the staged temporary files.
    public mutating func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
        staged = []
        for directory in createdDirectories.reversed() { try? FileManager.default.removeItem(atPath: directory) }
        createdDirectories = []
    }
}
