@preconcurrency import Glibc
import Foundation
import Synchronization

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

/// When each progress bar started (by label), for its rate and remaining time.
private let barStarts = Mutex<[String: ContinuousClock.Instant]>([:])

/// A progress bar on stderr like tqdm's: step of total, the current loss when there is one, rate and estimated
/// time left, redrawn in place on a terminal and a plain line at each quarter otherwise (logs stay short).
/// - Throws: `Interrupted` once SIGINT has arrived, so that long training stops cleanly.
public func progressBar(
    _ label: String, _ done: Int, _ total: Int, loss: Double? = nil, unit: String = "epochs"
) throws {
    try Interruption.check()
    guard total > 0 else { return }
    let now = ContinuousClock.now
    let start = barStarts.withLock { starts in
        if done <= 1 || starts[label] == nil { starts[label] = now }
        return starts[label] ?? now
    }
    let elapsed = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) * 1e-18
    let rate = done > 1 && elapsed > 0 ? Double(done - 1) / elapsed : 0
    let lossText = loss.map { String(format: ", loss %.6g", $0) } ?? ""
    let timing =
        lossText
        + (rate > 0
            ? ", \(formatRate(rate)) \(unit)/s, "
                + (done == total
                    ? "done in \(formatSeconds(elapsed))"
                    : "about \(formatSeconds(Double(total - done) / rate)) left") : "")
    if isatty(STDERR_FILENO) != 0 {
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(
            Data("\r\u{1B}[Keqgeom: \(label) [\(bar)] \(done)/\(total)\(timing)\(done == total ? "\n" : "")".utf8))
    } else if done == total || (4 * done / total) != (4 * (done - 1) / total) {
        progress("\(label): \(done)/\(total) \(unit)\(timing)")
    }
}

/// 1,234 or 12.3 or 0.123 (three significant digits).
private func formatRate(_ x: Double) -> String {
    x >= 100 ? String(Int(x.rounded())) : String(format: x >= 10 ? "%.1f" : "%.3g", x)
}

/// 42 s, 3 min 5 s, 2 h 7 min.
private func formatSeconds(_ t: Double) -> String {
    let s = Int(t.rounded())
    if s < 60 { return t < 10 ? String(format: "%.1f s", t) : "\(s) s" }
    if s < 3600 { return "\(s / 60) min \(s % 60) s" }
    return "\(s / 3600) h \(s % 3600 / 60) min"
}
