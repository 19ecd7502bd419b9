import Foundation
import Testing
import Algebra
@testable import NumericBridge
import EqgeomTestSupport

func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("eqgeom-\(getpid())-\(name)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    // gzip via the system's gzip, an independent encoder
    let p = try temporaryFile("raw-\(UUID().uuidString)", bytes)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-kf", p]
    try process.run()
    process.waitUntilExit()
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: p + ".gz")))
}

@Suite struct DataTests {
    @Test func builtInDataIsTheShippedFileAndBalanced() throws {
        let shipped = try ImageDataset.load(
            path: packageRoot().appendingPathComponent("data/mnist-2k.csv.gz").path, features: 784)
        let builtIn = try ImageDataset.builtinMNIST()
        #expect(builtIn.count == 2000 && builtIn.values == shipped.values && builtIn.labels == shipped.labels)
        let labels = builtIn.labels ?? []
        #expect((0...9).allSatisfy { d in labels.filter { $0 == d }.count == 200 })
        #expect(Array(labels.prefix(10)) == Array(0...9))
    }

    @Test func idxPlainAndGzipped() throws {
        var idx: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3]
        idx += [0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 0]
        for bytes in [idx, try gzip(idx)] {
            let d = try ImageDataset.load(path: try temporaryFile("t.idx3-ubyte", bytes), features: 6)
            #expect(d.count == 2 && d.values[1] == 0.2 && d.values[5] == 1)
        }
        #expect(throws: NumericError.self) {
            try ImageDataset.load(path: try temporaryFile("u.idx3-ubyte", Array(idx.dropLast())), features: 6)
        }
        #expect(throws: NumericError.self) {
            try ImageDataset.load(path: try temporaryFile("v.idx3-ubyte", idx), features: 7)
        }
    }

    @Test func csvWithAndWithoutLabels() throws {
        let labelled = try ImageDataset.load(
            path: try temporaryFile("a.csv", Array("0,255,51,7\n102,0,0,3\n".utf8)), features: 3)
        #expect(labelled.count == 2 && labelled.labels == [7, 3] && labelled.values == [0, 1, 0.2, 0.4, 0, 0])
        let plain = try ImageDataset.load(
            path: try temporaryFile("b.csv.gz", try gzip(Array("0,255,51\r\n".utf8))), features: 3)
        #expect(plain.count == 1 && plain.labels == nil)
        for (name, text) in [
            ("c.csv", "1,2\n"), ("d.csv", "1,2,3\n1,2\n"), ("e.csv", "1,x,3\n"), ("f.csv", "1,nan,3\n"), ("g.csv", ""),
        ] {
            #expect(throws: NumericError.self, "\(name)") {
                try ImageDataset.load(path: try temporaryFile(name, Array(text.utf8)), features: 3)
            }
        }
        let real = try ImageDataset.load(
            path: packageRoot().appendingPathComponent("data/mnist-2k.csv.gz").path, features: 784)
        #expect(real.count == 2000 && real.labels?.count == 2000 && real.values.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    /// The byte-level CSV reader against `Double(String)` on random fields: integers (the fast path), decimals,
    /// exponents and blanks around fields, CRLF and LF lines, a label column.
    @Test func csvFieldsAgreeWithDoubleParsing() throws {
        var rng = SplitMix(29)
        var text = ""
        var expected: [Double] = []
        for row in 0..<40 {
            var fields: [String] = []
            for _ in 0..<5 {
                let kind = Int(rng.next() % 4)
                let value = Int(rng.next() % 256)
                let field = [
                    "\(value)", "\(value).25", "\(value)e-1",
                    String(repeating: "0", count: Int(rng.next() % 20)) + "\(value)",
                ][kind]
                expected.append(Double(field)! / 255)
                fields.append((rng.next() % 3 == 0 ? " " : "") + field + (rng.next() % 3 == 0 ? "\t" : ""))
            }
            text += fields.joined(separator: ",") + ",\(row % 10)" + (row % 2 == 0 ? "\r\n" : "\n")
        }
        let d = try ImageDataset.load(path: try temporaryFile("r.csv", Array(text.utf8)), features: 5)
        #expect(d.count == 40 && d.values == expected && d.labels == (0..<40).map { $0 % 10 })
    }

    /// `.npy` files are read value by value from the file (no copy of their bytes): every dtype agrees with the
    /// whole-file parser, unsigned bytes are scaled to [0, 1], a gzipped copy (read whole) agrees, and a truncated
    /// file is refused.
    @Test func streamedNpyAgreesWithTheWholeFileParser() throws {
        let ints: [Int32] = (0..<24).map { Int32($0 * 37 % 255) - 100 }
        let arrays = [
            NumPyArray(float64: (0..<24).map { Double($0) * 0.37 - 2 }, shape: [4, 6]),
            NumPyArray(int32: ints, shape: [4, 6]),
            NumPyArray(int64: ints.map(Int64.init), shape: [4, 2, 3]),
            NumPyArray(int8: ints.map { Int8(truncatingIfNeeded: $0) }, shape: [4, 6]),
        ]
        for (k, a) in arrays.enumerated() {
            let d = try ImageDataset.load(path: try temporaryFile("s\(k).npy", a.npy), features: 6)
            #expect(d.count == 4 && d.values == a.doubles, "\(a.dtype)")
            let z = try ImageDataset.load(path: try temporaryFile("s\(k).npy.gz", try gzip(a.npy)), features: 6)
            #expect(z.values == d.values, "\(a.dtype)")
        }
        let bytes = NumPyArray.header(descr: "|u1", shape: [2, 3]) + [0, 51, 255, 102, 0, 204]
        let u = try ImageDataset.load(path: try temporaryFile("u.npy", bytes), features: 3)
        #expect(u.values == [0, 0.2, 1, 0.4, 0, 0.8])
        #expect(throws: NumericError.self) {
            try ImageDataset.load(path: try temporaryFile("t.npy", Array(arrays[0].npy.dropLast(8))), features: 6)
        }
    }

    @Test func npyRoundTrip() throws {
        let a = NumPyArray(float64: [1.5, -2, 0.25, 3, 4, 5], shape: [2, 3])
        let back = try NumPyArray(npy: a.npy)
        #expect(back == a && back.doubles == [1.5, -2, 0.25, 3, 4, 5])
        #expect(a.npy.count % 64 == 0 || (a.npy.count - 48) % 64 == 0)
        let d = try ImageDataset.load(path: try temporaryFile("x.npy", a.npy), features: 3)
        #expect(d.count == 2 && d.values[0] == 1.5)
        #expect(throws: NumericError.self) {
            try ImageDataset.load(path: try temporaryFile("y.npy", a.npy), features: 4)
        }
        let nan = NumPyArray(float64: [1, .nan, 2], shape: [1, 3])
        #expect(throws: NumericError.self) {
            try ImageDataset.load(path: try temporaryFile("z.npy", nan.npy), features: 3)
        }
        #expect(throws: NumericError.self) { try NumPyArray(npy: [1, 2, 3]) }
    }

    @Test func pngHasAValidSignatureAndChunks() {
        var img = PNGImage(width: 3, height: 2)
        img.set(0, 0, (255, 0, 0))
        let bytes = img.pngData
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        #expect(String(decoding: bytes.suffix(8).prefix(4), as: UTF8.self) == "IEND")
        // CRC-32 of "IEND" is AE426082
        #expect(Array(bytes.suffix(4)) == [0xAE, 0x42, 0x60, 0x82])
    }
}
