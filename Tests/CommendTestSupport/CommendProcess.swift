import Foundation

/// The built `commend` executable run as a child process, as a user runs it:
/// the one runner that the command-line tests of every test target share.
public enum CommendProcess {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `.build/debug/commend`, built by `swift build` (or `make test`) before the tests run.
    public static let binary = root.appendingPathComponent(".build/debug/commend")

    /// What a finished run left: its exit status and both outputs.
    public struct Outcome: Sendable {
        public var status: Int32
        public var out: Data
        public var err: String
        /// Standard output as text.
        public var text: String { String(decoding: out, as: UTF8.self) }
    }

    /// Starts `commend` with `arguments`, with pipes for standard input, output and
    /// error; `environment` adds to (or, with nil, removes from) the test's own.
    public static func start(_ arguments: [String], in directory: URL? = nil,
                             environment: [String: String?] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        process.standardInput = Pipe()
        try process.run()
        return process
    }

    /// Waits for a started process, reading both pipes at once so that neither fills up.
    public static func finish(_ process: Process) -> Outcome {
        let out = (process.standardOutput as! Pipe).fileHandleForReading
        let err = (process.standardError as! Pipe).fileHandleForReading
        let errData = ErrBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.data = err.readDataToEndOfFile() }
        let outData = out.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, out: outData, err: String(decoding: errData.data, as: UTF8.self))
    }

    /// Runs `commend` to the end.
    public static func run(_ arguments: [String], in directory: URL? = nil,
                           environment: [String: String?] = [:]) throws -> Outcome {
        finish(try start(arguments, in: directory, environment: environment))
    }
}

/// Standard error's bytes, written by one reader thread and read after `group.wait()`
/// (which orders the two), hence unchecked.
private final class ErrBox: @unchecked Sendable { var data = Data() }
