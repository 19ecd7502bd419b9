import Foundation
import Synchronization

/// The temporaries and staging directories a run has made and not yet committed, for removal when the run is
/// stopped by SIGINT or SIGTERM in a command that does not poll for interruption: the handler unlinks the files
/// and removes the directories (innermost first) with async-signal-safe calls only, then exits with 128 + the
/// signal. Paths are copied into storage allocated before any handler can run.
public enum StagedPaths {
    /// Slots for paths: a C string and whether it is a directory.
    static let capacity = 1024
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    nonisolated(unsafe) static let directories: UnsafeMutablePointer<Bool> = {
        let p = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        p.initialize(repeating: false, count: capacity)
        return p
    }()
    static let used = Atomic<Int>(0)
    static let lock = Mutex<Void>(())

    /// Installs the SIGINT and SIGTERM handlers that remove the staged paths and exit (128 + signal). A command
    /// that polls for interruption replaces the SIGINT handler with its own (it cleans up by throwing).
    public static func removeOnSignal() {
        _ = (paths, directories, used.load(ordering: .relaxed))  // the storage exists before a handler can run
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in StagedPaths.removeAllAndExit(received) }
        }
        // a parent may have started us with SIGINT blocked (Foundation's Process does): unblock it
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Records a path the run made; returns its slot for `remove` (nil when the table is full: the path is then
    /// left for the litter sweep).
    @discardableResult
    static func add(_ path: String, directory: Bool = false) -> Int? {
        lock.withLock { _ in
            let slot = used.load(ordering: .acquiring)
            guard slot < capacity, let copy = strdup(path) else { return nil }
            directories[slot] = directory
            paths[slot] = copy
            used.store(slot + 1, ordering: .releasing)
            return slot
        }
    }

    /// Forgets a path that was committed or removed.
    static func remove(_ path: String) {
        lock.withLock { _ in
            for slot in 0..<used.load(ordering: .acquiring) {
                guard let p = paths[slot], String(cString: p) == path else { continue }
                paths[slot] = nil
                free(p)
            }
        }
    }

    /// Signal time: unlink every recorded file, then remove the directories, newest first; exit 128 + signal.
    static func removeAllAndExit(_ signal: Int32) {
        let count = used.load(ordering: .acquiring)
        for pass in [false, true] {
            var slot = count - 1
            while slot >= 0 {
                if let p = paths[slot], directories[slot] == pass {
                    if pass { rmdir(p) } else { unlink(p) }
                }
                slot -= 1
            }
        }
        _exit(128 + signal)
    }
}
