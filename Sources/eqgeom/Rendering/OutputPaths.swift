import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge

/// Refuses an output path whose extension is not one the command writes (checked before any work).
func requireExtension(_ path: String, _ extensions: [String], flag: String = "--out") throws {
    guard extensions.contains(where: { path.hasSuffix("." + $0) }) else {
        let list = extensions.map { "." + $0 }.joined(separator: " or ")
        throw ValidationError("\(flag) must end in \(list), got '\(path)'")
    }
}

/// Names the files a command wrote, on stderr.
func wrote(_ paths: [String]) {
    for path in paths { progress("wrote \(path)") }
}

/// Writes an architecture as `.npz`, `.safetensors` (the same arrays) or `.json`, chosen by the file name
/// (atomically).
func writeArchitecture(to path: String, npz: () throws -> NumPyArchive, json: () throws -> some Encodable) throws {
    try requireExtension(path, ["npz", "safetensors", "json"])
    if !path.hasSuffix(".json") {
        try npz().write(toFile: path)
    } else {
        try OutputFile.write(jsonBytes(try json()), to: path)
    }
    wrote([path])
}
