@testable import Commend
import Foundation
import Testing

@Suite("Output sink")
struct OutputSinkTests {
    /// A fresh temporary folder.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("commend-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileAppearsWholeOnCommitOnly() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.json")
        let sink = try OutputSink(file: file)
        // More than the buffer holds, in pieces big and small.
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        sink.write("start\n")
        sink.write(bytes: big)
        sink.write("end\n")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try sink.commit()
        #expect(try Data(contentsOf: file) == Data("start\n".utf8 + big + "end\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }

    @Test func aPipeIsWrittenNotReplaced() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let received = Locked(Data())
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data()
            received.set(data)
            done.signal()
        }
        let sink = try OutputSink(file: fifo)
        sink.write("through the pipe\n")
        try sink.commit()
        // Commit closes the pipe, so the reader sees its end (the bound only keeps a regression from hanging the suite).
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(received.value == Data("through the pipe\n".utf8))
        var info = stat()
        #expect(stat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}

/// A value shared with another thread.
final class Locked<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ value: T) { stored = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ value: T) { lock.lock(); stored = value; lock.unlock() }
}
