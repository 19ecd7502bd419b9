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
        StagedPaths.add(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o644]),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            StagedPaths.remove(temporary)
            throw NumericError.io("cannot write \(path): directory \(directory) is not writable")
        }
        do {
            try body(handle)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            StagedPaths.remove(temporary)
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
        defer { StagedPaths.remove(temporary) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw NumericError.io("cannot write \(path): \(reason)")
        }
    }
}

/// Several output files written together, all or none. Files in a directory the run creates are written into a
/// hidden staging directory beside it, which one rename(2) turns into the directory: a run killed at any moment
/// (SIGKILL included) leaves either the whole directory or none of it. Files elsewhere (an existing directory) are
/// staged as temporary files and renamed into place only after every one was written, so a failure leaves none of
/// them behind; a kill during those final renames can leave some replaced and some not. Staging directories of
/// killed runs are swept like temporaries.
public struct OutputFiles {
    private var staged: [(temporary: String, path: String)] = []
    private var createdDirectories: [String] = []
    /// The staging directory and the directory it becomes at `commit`.
    private var staging: (directory: String, final: String)?
    private var stagedInDirectory: [String] = []

    /// An empty set of staged files.
    public init() {}

    /// Makes `directory` the home of files added below it: an existing directory is used as it is; a missing one
    /// (and its missing parents) is staged and appears, complete, at `commit`; `discard` removes what was made.
    public mutating func createDirectory(_ directory: String) throws {
        let target = URL(fileURLWithPath: directory).standardizedFileURL.path
        if staging?.final == target { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw NumericError.io("\(directory) exists and is not a directory") }
            return
        }
        guard staging == nil else { throw NumericError.io("one staged output directory per run: \(directory)") }
        // the missing ancestors are made, outermost first, so that `discard` removes every directory it made
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var missing: [String] = []
        var path = parent
        while !FileManager.default.fileExists(atPath: path) && path != "/" {
            missing.insert(path, at: 0)
            path = URL(fileURLWithPath: path).deletingLastPathComponent().path
        }
        let name = URL(fileURLWithPath: target).lastPathComponent
        let hidden = parent + "/." + name + ".eqgeom-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        for made in missing + [hidden] {
            StagedPaths.add(made, directory: true)
            do {
                try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: false)
            } catch {
                StagedPaths.remove(made)
                discard()
                throw NumericError.io("cannot create directory \(directory)")
            }
            createdDirectories.append(made)
        }
        OutputFile.sweepLitter(in: parent)
        staging = (hidden, target)
    }

    /// Stages one file.
    public mutating func add(_ bytes: [UInt8], to path: String) throws {
        do {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            if let staging, url.deletingLastPathComponent().path == staging.final {
                let inside = staging.directory + "/" + url.lastPathComponent
                StagedPaths.add(inside)
                guard FileManager.default.createFile(atPath: inside, contents: Data(bytes)) else {
                    throw NumericError.io("cannot write \(path)")
                }
                stagedInDirectory.append(path)
            } else {
                staged.append((try OutputFile.stage(path) { try $0.write(contentsOf: bytes) }, path))
            }
        } catch {
            discard()
            throw error
        }
    }

    /// The paths staged so far.
    public var paths: [String] { stagedInDirectory + staged.map(\.path) }

    /// Renames every staged file into place, and the staging directory into its final name, and returns the paths.
    @discardableResult
    public mutating func commit() throws -> [String] {
        let paths = self.paths
        for (temporary, path) in staged { try OutputFile.commit(temporary, to: path) }
        staged = []
        if let staging {
            guard rename(staging.directory, staging.final) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw NumericError.io("cannot create directory \(staging.final): \(reason)")
            }
        }
        forgetStagedPaths()
        staging = nil
        stagedInDirectory = []
        createdDirectories = []
        return paths
    }

    /// Takes this set's files and directories out of the signal-time cleanup.
    private func forgetStagedPaths() {
        let inside = stagedInDirectory.map { path in
            (staging?.directory ?? "") + "/" + URL(fileURLWithPath: path).lastPathComponent
        }
        for path in inside + createdDirectories { StagedPaths.remove(path) }
    }

    /// Removes the staged files, the staging directory and the directories made for them.
    public mutating func discard() {
        for (temporary, _) in staged {
            try? FileManager.default.removeItem(atPath: temporary)
            StagedPaths.remove(temporary)
        }
        staged = []
        for directory in createdDirectories.reversed() { try? FileManager.default.removeItem(atPath: directory) }
        forgetStagedPaths()
        createdDirectories = []
        staging = nil
        stagedInDirectory = []
    }
}
