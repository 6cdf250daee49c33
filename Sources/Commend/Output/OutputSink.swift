import Foundation
import Synchronization

// @unchecked Sendable: used from one thread; only `emit` runs on `queue`,
// and `failure` is read after draining it.
/// Where formatted output goes: standard output, or a file written whole or
/// not at all (an unnamed or temporary file put in place when complete).
/// Full buffers are written by a background queue, so that evaluation goes
/// on while the system copies a large result to the disk.
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
    /// Whether bytes go to `handle` (not for a sink that only feeds a consumer).
    private var writesHandle = true
    /// Receives every byte written, in order, on the writing queue.
    private var consumer: (@Sendable ([UInt8]) -> Void)?

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        temporary = nil
        target = nil
    }

    /// No file: every byte written is handed to `consumer`, in order, on a
    /// background queue; `commit()` returns once it has had them all.
    public init(consumer: @escaping @Sendable ([UInt8]) -> Void) {
        handle = FileHandle.nullDevice
        temporary = nil
        target = nil
        writesHandle = false
        self.consumer = consumer
    }

    /// Also hands every byte written from now on to `consumer`, in order, on
    /// the writing queue (a recorder keeping the bytes of the JSON the user
    /// asked for, instead of writing them a second time). Call it before
    /// writing.
    public func tap(_ consumer: @escaping @Sendable ([UInt8]) -> Void) {
        self.consumer = consumer
    }

    /// A file, published by `commit()`; until then nothing replaces `url`.
    /// On Linux nothing is even visible: the bytes go to an unnamed file
    /// (`O_TMPFILE`) in the target's folder, linked into place when complete,
    /// so a run that fails or is killed (SIGKILL included) leaves nothing
    /// behind. Where the file system cannot make unnamed files, a hidden
    /// `.NAME.PID.tmp` is renamed over the target instead (removed on
    /// failure, but left by a SIGKILL).
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
            ownsHandle = true
            return
        }
        let directory = url.deletingLastPathComponent()
        target = url
        if let fd = Self.openUnnamed(in: directory) {
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            temporary = nil
            unnamed = true
            return
        }
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw EvaluationError("\(url.path): cannot write here: \(String(cString: strerror(errno)))")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        temporary = temp
    }

    /// Whether the output is an unnamed file still to be linked into place.
    private var unnamed = false

    /// An unnamed file in `directory`, or nil where the system or the file
    /// system has none (then the caller falls back to a named temporary).
    private static func openUnnamed(in directory: URL) -> Int32? {
        #if os(Linux)
        // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Swift does not import it.
        let flags = Int32(0o20000000) | O_DIRECTORY | O_WRONLY | O_CLOEXEC
        let fd = open(directory.path, flags, 0o666)
        return fd >= 0 ? fd : nil
        #else
        return nil
        #endif
    }

    /// Gives the unnamed file the target's name (replacing what was there:
    /// linked under a hidden name first, then renamed over the target).
    private func linkUnnamed(to target: URL) throws {
        let source = "/proc/self/fd/\(handle.fileDescriptor)"
        func failed(_ code: Int32) -> EvaluationError {
            EvaluationError("\(target.path): cannot write: \(String(cString: strerror(code)))")
        }
        if linkat(AT_FDCWD, source, AT_FDCWD, target.path, AT_SYMLINK_FOLLOW) == 0 { return }
        guard errno == EEXIST else { throw failed(errno) }
        let hidden = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        unlink(hidden.path)
        guard linkat(AT_FDCWD, source, AT_FDCWD, hidden.path, AT_SYMLINK_FOLLOW) == 0 else { throw failed(errno) }
        if rename(hidden.path, target.path) != 0 {
            let code = errno
            unlink(hidden.path)
            throw failed(code)
        }
    }

    deinit {
        queue.sync {}
        if let temporary, FileManager.default.fileExists(atPath: temporary.path) {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }


    /// Appends `bytes`.
    public func write(bytes: [UInt8]) {
        if buffer.count + bytes.count < 1 << 20 { return buffer.append(contentsOf: bytes) }
        flush()
        if bytes.count < 1 << 20 { return buffer.append(contentsOf: bytes) }
        emit(bytes)
    }

    /// Hands what is buffered to the writing queue, and takes a written
    /// buffer back to fill: a fresh megabyte for every megabyte of a large
    /// result would have the system map and clear new pages all along.
    public func flush() {
        guard !buffer.isEmpty else { return }
        emit(buffer)
        buffer = spares.take() ?? []
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(1 << 20)
    }

    /// Buffers written by the queue, ready to be filled again.
    private let spares = SpareBuffers()

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
        room.wait()
        let room = self.room, failure = self.failure, fd = handle.fileDescriptor
        let consumer = self.consumer, writesHandle = self.writesHandle, spares = self.spares
        queue.async {
            defer { room.signal() }
            consumer?(bytes)
            if writesHandle, failure.errno == nil {
                failure.errno = FileBytes.write(bytes, to: fd)
            }
            spares.give(bytes)
        }
    }

    /// Finishes the output: flushes, and for a file puts it in place.
    public func commit() throws {
        flush()
        drain()
        if let code = failure.errno {
            throw EvaluationError("\(target?.path ?? "standard output"): cannot write: \(String(cString: strerror(code)))")
        }
        guard let target else {
            if ownsHandle { try handle.close() }
            return
        }
        if unnamed {
            try linkUnnamed(to: target)
            try handle.close()
            return
        }
        guard let temporary else { return }
        try handle.close()
        if rename(temporary.path, target.path) != 0 {
            throw EvaluationError("\(target.path): cannot write: \(String(cString: strerror(errno)))")
        }
    }
}

/// Written buffers handed back by the writing queue (at most a few are kept).
private final class SpareBuffers: Sendable {
    private let buffers = Mutex<[[UInt8]]>([])

    func give(_ buffer: consuming [UInt8]) {
        let buffer = buffer
        guard buffer.capacity >= 1 << 20 else { return }
        buffers.withLock { if $0.count < 4 { $0.append(buffer) } }
    }

    func take() -> [UInt8]? { buffers.withLock { $0.popLast() } }
}
