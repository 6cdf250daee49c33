/// What one declaration's evaluation read of other declarations' results
/// and of modules, in the order first read: a worker notes each read (the
/// `ctx` cross references, `require` while evaluating) while a result cache
/// is in use.
struct ReadLog {
    enum Read: Hashable {
        case declaration(DeclarationID)
        case module(String)
    }

    var enabled = false
    private(set) var reads: [Read] = []
    private var seen: Set<Read> = []
    private var last: DeclarationID?

    /// Notes a read of `id` (cheap when it is the same as the last one).
    @inline(__always)
    mutating func note(_ id: DeclarationID) {
        guard enabled, id != last else { return }
        last = id
        add(.declaration(id))
    }

    mutating func note(module name: String) {
        guard enabled else { return }
        add(.module(name))
    }

    private mutating func add(_ read: Read) {
        if seen.insert(read).inserted { reads.append(read) }
    }

    /// The reads noted since the last call, which starts a new log.
    mutating func take() -> [Read] {
        defer { reads = []; seen = []; last = nil }
        return reads
    }
}
