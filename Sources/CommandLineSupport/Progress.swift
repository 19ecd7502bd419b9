@preconcurrency import Glibc
import Foundation

/// Prints one error line on stderr and exits with status 2. The line is bounded (`longestErrorLine`
/// characters): a long quoted value keeps its start and end around an ellipsis.
public func fail(_ message: String) -> Never {
    let line = message.split(separator: "\n").first.map(String.init) ?? "unknown error"
    let trimmed = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    FileHandle.standardError.write(Data("eqgeom: error: \(bounded(trimmed))\n".utf8))
    Foundation.exit(2)
}

/// Flushes standard output and fails (exit 2) when anything written to it was lost: a full disk, a closed
/// file, a device that refuses writes. Results are never reported as printed when they were not.
public func finishStandardOutput() {
    guard fflush(stdout) != 0 || ferror(stdout) != 0 else { return }
    let reason = String(cString: strerror(errno))
    fail("cannot write the results to standard output: \(reason)")
}

/// The most characters an error line carries after `eqgeom: error: `.
public let longestErrorLine = 600

/// `text` itself, or its first and last characters around ` … ` when longer than `longestErrorLine`.
func bounded(_ text: String) -> String {
    guard text.count > longestErrorLine else { return text }
    let keep = (longestErrorLine - 3) / 2
    return String(text.prefix(keep)) + " … " + String(text.suffix(keep))
}

/// Writes a progress line on stderr (never on stdout, which carries results).
public func progress(_ message: String) {
    FileHandle.standardError.write(Data("eqgeom: \(message)\n".utf8))
}

/// A progress bar on stderr: redrawn in place on a terminal, a line at each quarter otherwise.
/// - Throws: `Interrupted` once SIGINT has arrived, so that long training stops cleanly.
public func progressBar(_ label: String, _ done: Int, _ total: Int, unit: String = "epochs") throws {
    try Interruption.check()
    guard total > 0 else { return }
    if isatty(STDERR_FILENO) != 0 {
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(
            Data("\reqgeom: \(label) [\(bar)] \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    } else if done == total || (4 * done / total) != (4 * (done - 1) / total) {
        progress("\(label): \(done)/\(total) \(unit)")
    }
}
