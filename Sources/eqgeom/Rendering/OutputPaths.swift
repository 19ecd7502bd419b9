import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge

/// Refuses a path whose extension is not one of `extensions` (checked before any work).
func requireExtension(_ path: String, _ extensions: [String], flag: String = "--out") throws {
    guard extensions.contains(where: { path.hasSuffix("." + $0) }) else {
        let list = extensions.map { "." + $0 }.joined(separator: " or ")
        throw ValidationError("\(flag) must end in \(list), got '\(path)'")
    }
}

/// Refuses, before any work, an output file with an extension the command does not write, in a directory that
/// does not exist or cannot be written.
func requireOutputFile(_ path: String, _ extensions: [String], flag: String = "--out") throws {
    try requireExtension(path, extensions, flag: flag)
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: parent) else {
        throw ValidationError("\(flag) \(path): directory \(parent) does not exist")
    }
    try requireWritable(path, flag: flag)
}

/// Refuses, before any work, an output whose nearest existing ancestor directory is not writable (a file or
/// directory still to be created lands there), so that no result is computed only to be lost.
func requireWritable(_ path: String, flag: String = "--out") throws {
    var ancestor = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
    var isDirectory: ObjCBool = false
    while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) && ancestor != "/" {
        ancestor = URL(fileURLWithPath: ancestor).deletingLastPathComponent().path
    }
    guard isDirectory.boolValue, access(ancestor, W_OK) == 0 else {
        throw ValidationError("\(flag) \(path): \(ancestor) is not a writable directory")
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
