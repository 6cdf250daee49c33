import Foundation

/// Where formatted output goes: standard output, or a file written whole or
/// not at all (a temporary file renamed over the target when complete).
/// Full buffers are written by a background queue, so that evaluation goes
/// on while the system copies a large result to the disk.
// @unchecked Sendable: used from one thread; only `emit` runs on `queue`,
// and `failure` is read after draining it.
public final class OutputSink: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let queue = DispatchQueue(label: "commend.output")
    /// At most this many buffers wait for the disk: memory stays bounded.
    private let room = DispatchSemaphore(value: 8)
    private let handle: FileHandle
    private let temporary: URL?
    private let target: URL?
    /// Whether `commit()` closes the handle (a device or pipe opened here).
    private var ownsHandle = false
    /// Where the bytes go when the sink writes to memory.
    private let memory: MemoryBytes?

    /// Bytes kept in memory (a server's response); written on the calling thread.
    private final class MemoryBytes: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        temporary = nil
        target = nil
        memory = nil
    }

    /// Memory: after `commit()`, `bytes` holds everything written.
    public init(inMemory: Void) {
        handle = FileHandle.nullDevice
        temporary = nil
        target = nil
        memory = MemoryBytes()
    }

    /// What an in-memory sink holds once committed (empty for other sinks).
    public var bytes: [UInt8] { memory?.bytes ?? [] }

    /// A file, published by `commit()`; until then nothing replaces `url`.
    /// A target that exists and is not a regular file (`/dev/null`, a pipe,
    /// a terminal) is written directly: it cannot be replaced.
    public init(file url: URL) throws {
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard let direct = FileHandle(forWritingAtPath: url.path) else {
                throw EvaluationError("\(url.path): cannot write here")
            }
            handle = direct
            temporary = nil
            target = nil
            memory = nil
            ownsHandle = true
            return
        }
        let directory = url.deletingLastPathComponent()
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
            throw EvaluationError("\(url.path): cannot write here")
        }
        handle = try FileHandle(forWritingTo: temp)
        temporary = temp
        target = url
        memory = nil
    }

    deinit {
        queue.sync {}
        if let temporary, FileManager.default.fileExists(atPath: temporary.path) {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }


    public func write(bytes: [UInt8]) {
        if buffer.count + bytes.count < 1 << 20 { return buffer.append(contentsOf: bytes) }
        flush()
        if bytes.count < 1 << 20 { return buffer.append(contentsOf: bytes) }
        emit(bytes)
    }

    /// Hands what is buffered to the writing queue.
    public func flush() {
        guard !buffer.isEmpty else { return }
        emit(buffer)
        buffer = []
        buffer.reserveCapacity(1 << 20)
    }

    /// Waits until every byte handed over is written.
    private func drain() { queue.sync {} }

    /// The first write error (an errno), reported by `commit()`.
    private final class Failure: @unchecked Sendable {
        // Written on the queue only; read after draining it.
        var errno: Int32?
    }
    private let failure = Failure()

    /// Writes all of `bytes` to the file descriptor, on the writing queue.
    /// The block holds no reference to the sink, so the sink never goes
    /// away on the queue.
    private func emit(_ bytes: [UInt8]) {
        if let memory { return memory.bytes += bytes }
        room.wait()
        let room = self.room, failure = self.failure, fd = handle.fileDescriptor
        queue.async {
            defer { room.signal() }
            guard failure.errno == nil else { return }
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var done = 0
                while done < raw.count {
                    let n = Foundation.write(fd, base + done, raw.count - done)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 {
                        failure.errno = n < 0 ? errno : EIO
                        return
                    }
                    done += n
                }
            }
        }
    }

    /// Finishes the output: flushes, and for a file renames it into place.
    public func commit() throws {
        flush()
        drain()
        if let code = failure.errno {
            throw EvaluationError("\(target?.path ?? "standard output"): cannot write: \(String(cString: strerror(code)))")
        }
        guard let temporary, let target else {
            if ownsHandle { try handle.close() }
            return
        }
        try handle.close()
        if rename(temporary.path, target.path) != 0 {
            throw EvaluationError("\(target.path): cannot write: \(String(cString: strerror(errno)))")
        }
    }
}
