import Foundation
import Testing
import EqgeomTestSupport

/// One `$ eqgeom …` command of a notebook with the output recorded under it.
struct NotebookCommand {
    let notebook: String
    let line: String
    let expected: String
}

/// Reads every ```console block of notebooks-text/*.md (scripts/record-notebooks.py writes them).
func notebookCommands() throws -> [NotebookCommand] {
    let dir = packageRoot().appendingPathComponent("notebooks-text")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".md") }.sorted()
    var commands: [NotebookCommand] = []
    for file in files {
        let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        var inside = false
        var current: (String, [String])? = nil
        func flush() {
            if let (l, out) = current {
                commands.append(NotebookCommand(notebook: file, line: l, expected: out.joined(separator: "\n")))
            }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```console") {
                inside = true
                continue
            }
            if inside && line.hasPrefix("```") {
                flush()
                inside = false
                continue
            }
            guard inside else { continue }
            if line.hasPrefix("$ ") {
                flush()
                current = (String(line.dropFirst(2)), [])
            } else {
                current?.1.append(line)
            }
        }
    }
    return commands
}

@Suite struct NotebookTests {
    /// Every command in every notebook prints exactly what the notebook says, so they never go stale.
    @Test func notebooksReproduce() throws {
        let commands = try notebookCommands()
        #expect(commands.count >= 15)
        for c in commands {
            let words = shellWords(c.line)
            try #require(words.first == "eqgeom", "\(c.notebook): \(c.line)")
            let r = try runEqgeom(Array(words.dropFirst()))
            var actual = r.stdout.trimmingCharacters(in: .newlines)
            if r.status != 0 {
                actual +=
                    (actual.isEmpty ? "" : "\n") + r.stderr.trimmingCharacters(in: .newlines)
                    + "\n(exit status \(r.status))"
            }
            #expect(maskingRoundingErrors(actual) == maskingRoundingErrors(c.expected), "\(c.notebook): \(c.line)")
        }
    }
}

/// Floating-point errors such as 1.3e-14 depend on the BLAS kernel of the machine: numbers written in
/// scientific notation with an exponent of −10 or below compare as equal (the tests of Q_σ bound them).
func maskingRoundingErrors(_ text: String) -> String {
    var out = ""
    var token = ""
    func flush() {
        if let e = token.range(of: "e-"), let exponent = Int(token[e.upperBound...]), exponent >= 10,
            Double(token) != nil
        {
            out += "<rounding error>"
        } else {
            out += token
        }
        token = ""
    }
    for ch in text {
        if ch.isNumber || ch == "." || ch == "e" || ch == "-" {
            token.append(ch)
        } else {
            flush()
            out.append(ch)
        }
    }
    flush()
    return out
}
