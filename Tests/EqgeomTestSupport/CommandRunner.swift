import Foundation

/// The result of running the built `eqgeom` binary.
public struct CommandResult: Sendable {
    public let stdout: String
    public let stderr: String
    public let status: Int32
}

/// Path of the `eqgeom` binary under test: $EQGEOM_BIN, else `.build/debug/eqgeom` in the package.
public func eqgeomBinary(testFile: String = #filePath) -> URL {
    if let p = getenvString("EQGEOM_BIN") { return URL(fileURLWithPath: p) }
    return packageRoot(testFile: testFile).appendingPathComponent(".build/debug/eqgeom")
}

/// Runs `eqgeom` with arguments, as a user would from a shell.
public func runEqgeom(
    _ arguments: [String], in directory: String? = nil, testFile: String = #filePath
) throws -> CommandResult {
    let process = Process()
    process.executableURL = eqgeomBinary(testFile: testFile)
    process.arguments = arguments
    if let d = directory { process.currentDirectoryURL = URL(fileURLWithPath: d) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // read both pipes fully before waiting, so a large output cannot block the child
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
        status: process.terminationStatus)
}

/// Splits a command line the way a POSIX shell does for plain words and double/single quotes.
public func shellWords(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character? = nil
    var inWord = false
    for ch in line {
        if let q = quote {
            if ch == q { quote = nil } else { current.append(ch) }
        } else if ch == "\"" || ch == "'" {
            quote = ch
            inWord = true
        } else if ch == " " {
            if inWord {
                words.append(current)
                current = ""
                inWord = false
            }
        } else {
            current.append(ch)
            inWord = true
        }
    }
    if inWord { words.append(current) }
    return words
}
