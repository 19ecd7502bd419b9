import Foundation
import Testing
import EqgeomTestSupport

/// The short fuzz run: 2,000 seeded cases (× EQGEOM_TEST_MULTIPLIER) of scripts/fuzz.py against the
/// binary, which must show 0 crashes, 0 hangs, 0 unclean refusals, 0 accepted-but-invalid inputs and no
/// refusal above 1 GiB of memory. The long run (100,000 cases) is scripts/fuzz-long.sh.
@Suite struct FuzzTests {
    @Test func shortFuzzRunIsClean() throws {
        let root = packageRoot()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/fuzz.py").path, "--cases", "\(testIterations(2000))",
            "--seed", "2026", "--binary", eqgeomBinary().path, "--timeout", "300", "--verbose",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(3000))")
        #expect(text.contains("\"crash\": 0, \"hang\": 0, \"unclean\": 0, \"accepted\": 0, \"memory\": 0"))
    }
}
