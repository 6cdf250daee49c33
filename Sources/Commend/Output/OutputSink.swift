import Foundation

/// Where formatted output goes: standard output, or a file written whole or
/// not at all (a temporary file renamed over the target when complete).
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle
    private let temporary: URL?
    private let target: URL?

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        temporary = nil
        target = nil
    }

    /// A file, published by `commit()`; until then nothing replaces `url`.
    public init(file url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
            throw EvaluationError("\(url.path): cannot write here")
        }
        handle = try FileHandle(forWritingTo: temp)
        temporary = temp
        target = url
    }

    deinit {
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
        bytes.withUnsafeBytes(emit)
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes(emit)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The first write error (an errno), reported by `commit()`.
    private var failure: Int32?

    /// Writes all of `bytes` to the file descriptor, without copying them first.
    private func emit(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(handle.fileDescriptor, base + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                failure = n < 0 ? errno : EIO
                return
            }
            done += n
        }
    }

    /// Finishes the output: flushes, and for a file renames it into place.
    public func commit() throws {
        flush()
        if let failure {
            throw EvaluationError("\(target?.path ?? "standard output"): cannot write: \(String(cString: strerror(failure)))")
        }
        guard let temporary, let target else { return }
        try handle.close()
        if rename(temporary.path, target.path) != 0 {
            throw EvaluationError("\(target.path): cannot write: \(String(cString: strerror(errno)))")
        }
    }
}
